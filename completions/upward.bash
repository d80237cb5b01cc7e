# bash completion for upward                                   -*- shell-script -*-
# Install as /usr/share/bash-completion/completions/upward, or source it from ~/.bashrc.

_upward_repo() {
    local i
    for ((i = 1; i < COMP_CWORD; i++)); do
        if [[ ${COMP_WORDS[i]} == --dir && ${COMP_WORDS[i + 1]} == = ]]; then  # --dir=DIR, split at '='
            printf '%s\n' "${COMP_WORDS[i + 2]}"
            return
        elif [[ ${COMP_WORDS[i]} == --dir ]]; then
            printf '%s\n' "${COMP_WORDS[i + 1]}"
            return
        elif [[ ${COMP_WORDS[i]} == --dir=* ]]; then
            printf '%s\n' "${COMP_WORDS[i]#--dir=}"
            return
        fi
    done
    printf '%s\n' "${UPWARD_DIR:-${XDG_DATA_HOME:-$HOME/.local/share}/upward}"
}

_upward_live() {  # live values from the binary itself: upward __complete KIND [PREFIX]
    command upward --dir "$(_upward_repo)" __complete "$@" 2>/dev/null
}

_upward_ids() { _upward_live "$1"; }                 # goals or people
_upward_win_ids() { _upward_live wins "$1"; }        # the wins whose id starts with $1
_upward_topic_ids() { _upward_live topics; }         # every person's queued talking points
_upward_actions() { _upward_live actions; }          # the open action items of every 1:1
_upward_cycles() { _upward_live cycles; }            # cycle:NAME for each name under [cycles]

# How many words before the cursor are not options nor option values (`upward goals update ID`: 3):
# a command that takes one id offers ids only while it has none.
_upward_npos() {
    local i n=0
    for ((i = 1; i < cword; i++)); do
        case ${words[i]} in
            --dir | --today | --color | -i | --impact | --metric | -t | --tag | -g | --goal | -d | --date | --seen-by | \
                --not-seen-by | --kind | --from | --follow-up | --link | --format | --group-by | --for | --to | --cc | \
                --subject | --owner | --due | --why | --supports | --progress | --status | --note | --period | --name | \
                --relationship | --email | --style | --cadence | --priority | --pressure | --with | --solution | \
                --since | --grep | -n | --limit | --title | --repo | --author | --id)
                [[ ${words[i + 1]} == = ]] && ((i++))  # --opt=VALUE, split at '='
                ((i++)) ;;
            -*) ;;
            *) ((n++)) ;;
        esac
    done
    echo $n
}

_upward() {
    local cur prev words cword
    if declare -F _init_completion >/dev/null; then
        _init_completion || return
    else
        cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD - 1]}
        words=("${COMP_WORDS[@]}") cword=$COMP_CWORD
    fi
    local global="--dir --today --color -q --quiet -V --version -h --help"
    local commands="help init log-win digest prep-1on1 outcome goals people wins edit set rm check nudge harvest sync"

    case $prev in
        --dir | --repo) COMPREPLY=($(compgen -d -- "$cur")); return ;;
        --color) COMPREPLY=($(compgen -W "auto always never" -- "$cur")); return ;;
        --today | -d | --date | --follow-up | --since | --due)
            COMPREPLY=($(compgen -W "today yesterday tomorrow monday tuesday wednesday thursday friday" -- "$cur"))
            return ;;
        -g | --goal | --supports) COMPREPLY=($(compgen -W "$(_upward_ids goals)" -- "$cur")); return ;;
        --seen-by | --not-seen-by | --from | --for) COMPREPLY=($(compgen -W "$(_upward_ids people)" -- "$cur")); return ;;
        --owner) COMPREPLY=($(compgen -W "me $(_upward_ids people)" -- "$cur")); return ;;
        --kind)
            if [[ " ${words[*]} " == *" prep-1on1 "* ]]; then
                COMPREPLY=($(compgen -W "problem idea ask topic feedback career" -- "$cur"))
            else
                COMPREPLY=($(compgen -W "win kudos" -- "$cur"))
            fi
            return ;;
        --with) COMPREPLY=($(compgen -W "$(_upward_ids people)" -- "$cur")); return ;;
        --status) COMPREPLY=($(compgen -W "on-track at-risk blocked done dropped" -- "$cur")); return ;;
        --relationship) COMPREPLY=($(compgen -W "manager skip-level stakeholder mentor peer" -- "$cur")); return ;;
        --style) COMPREPLY=($(compgen -W "brief detailed" -- "$cur")); return ;;
        --cadence) COMPREPLY=($(compgen -W "weekly biweekly monthly" -- "$cur")); return ;;
        --format)
            if [[ " ${words[*]} " == *" digest "* ]]; then
                COMPREPLY=($(compgen -W "md text json html email vimgrep" -- "$cur"))
            elif [[ " ${words[*]} " == *" nudge "* ]]; then
                COMPREPLY=($(compgen -W "text json" -- "$cur"))
            elif [[ " ${words[*]} " == *" harvest "* ]]; then
                COMPREPLY=($(compgen -W "md json" -- "$cur"))
            elif [[ " ${words[*]} " == *" wins "* && " ${words[*]} " != *" show "* ]]; then
                COMPREPLY=($(compgen -W "text md json vimgrep" -- "$cur"))
            else
                COMPREPLY=($(compgen -W "text md json" -- "$cur"))
            fi
            return ;;
        --group-by) COMPREPLY=($(compgen -W "goal tag section week month" -- "$cur")); return ;;
        --period) COMPREPLY=($(compgen -W "this-week last-week this-month last-month this-quarter last-quarter
                                          this-year last-year ytd" -- "$cur")); return ;;
        -i | --impact | --metric | -t | --tag | --link | --name | --email | --id | --why | --progress | --note | \
            --priority | --pressure | --solution | --to | --cc | --subject | --title | --grep | -n | --limit | \
            --author) return ;;
    esac

    local i cmd="" sub=""
    for ((i = 1; i < cword; i++)); do
        if [[ -z $cmd ]]; then
            case ${words[i]} in
                help | init | log-win | digest | prep-1on1 | outcome | goals | people | wins | edit | set | rm | check | \
                    nudge | harvest | sync)
                    cmd=${words[i]} ;;
                --dir | --today | --color) ((i++)) ;;
            esac
        elif [[ -z $sub && ${words[i]} != -* ]]; then
            sub=${words[i]}
        fi
    done

    case $cmd in
        "") COMPREPLY=($(compgen -W "$commands $global" -- "$cur")) ;;
        help)  # upward help [COMMAND [SUBCOMMAND]]
            case $sub in
                "") COMPREPLY=($(compgen -W "${commands#help }" -- "$cur")) ;;
                goals) COMPREPLY=($(compgen -W "list add update done show align" -- "$cur")) ;;
                people) COMPREPLY=($(compgen -W "list add show primary" -- "$cur")) ;;
                prep-1on1) COMPREPLY=($(compgen -W "add done list" -- "$cur")) ;;
                wins) COMPREPLY=($(compgen -W "show" -- "$cur")) ;;
                edit) COMPREPLY=($(compgen -W "win goal person 1on1 config" -- "$cur")) ;;
                set) COMPREPLY=($(compgen -W "win goal person" -- "$cur")) ;;
                rm) COMPREPLY=($(compgen -W "win goal person topic" -- "$cur")) ;;
            esac ;;
        init)
            if [[ $cur == -* ]]; then
                COMPREPLY=($(compgen -W "--name --email $global" -- "$cur"))
            else
                COMPREPLY=($(compgen -d -- "$cur"))
            fi ;;
        log-win)
            COMPREPLY=($(compgen -W "-i --impact --metric -t --tag -g --goal -d --date --seen-by --kind
                --from --follow-up --link --private --stdin --stdin-lines -e --edit $global" -- "$cur")) ;;
        goals)
            case $sub in
                "" | list)
                    local opts="--all --owner --format $global"
                    [[ -z $sub ]] && opts="list add update done show align $opts"
                    COMPREPLY=($(compgen -W "$opts" -- "$cur")) ;;
                add) COMPREPLY=($(compgen -W "--id --owner --due --why --supports --private $global" -- "$cur")) ;;
                update | done | show)
                    if [[ $cur == -* ]]; then
                        local opts="--format"
                        [[ $sub == update ]] && opts="--progress --status --note -d --date"
                        [[ $sub == done ]] && opts="--note -d --date"
                        COMPREPLY=($(compgen -W "$opts $global" -- "$cur"))
                    elif (($(_upward_npos) == 2)); then
                        COMPREPLY=($(compgen -W "$(_upward_ids goals)" -- "$cur"))
                    fi ;;
                align) COMPREPLY=($(compgen -W "--period --format $global" -- "$cur")) ;;
            esac ;;
        people)
            case $sub in
                "" | list)
                    local opts="--format $global"
                    [[ -z $sub ]] && opts="list add show primary $opts"
                    COMPREPLY=($(compgen -W "$opts" -- "$cur")) ;;
                add) COMPREPLY=($(compgen -W "--name --relationship --email --style --cadence --priority --pressure
                                              --primary $global" -- "$cur")) ;;
                show | primary)
                    if [[ $cur == -* ]]; then
                        local opts="--format"
                        [[ $sub == primary ]] && opts=""
                        COMPREPLY=($(compgen -W "$opts $global" -- "$cur"))
                    elif (($(_upward_npos) == 2)); then
                        COMPREPLY=($(compgen -W "$(_upward_ids people)" -- "$cur"))
                    fi ;;
            esac ;;
        prep-1on1)
            case $sub in
                add) COMPREPLY=($(compgen -W "--with --kind --solution --private $global" -- "$cur")) ;;
                done)
                    if [[ $cur == -* ]]; then
                        COMPREPLY=($(compgen -W "--with -d --date $global" -- "$cur"))
                    elif (($(_upward_npos) == 2)); then
                        COMPREPLY=($(compgen -W "$(_upward_actions)" -- "$cur"))
                    fi ;;
                list)
                    if [[ $cur == -* ]]; then
                        COMPREPLY=($(compgen -W "--all $global" -- "$cur"))
                    elif (($(_upward_npos) == 2)); then
                        COMPREPLY=($(compgen -W "$(_upward_ids people)" -- "$cur"))
                    fi ;;
                *)  # the agenda: a person, or a sub-command
                    if [[ $cur == -* ]]; then
                        COMPREPLY=($(compgen -W "--date --since --format --all-sections --save $global" -- "$cur"))
                    elif (($(_upward_npos) == 1)); then
                        local more=""
                        [[ -z $sub ]] && more="add done list"
                        COMPREPLY=($(compgen -W "$more $(_upward_ids people)" -- "$cur"))
                    fi ;;
            esac ;;
        digest)
            if [[ $cur == -* ]]; then
                COMPREPLY=($(compgen -W "--format --group-by --for --to --cc --subject --send --edit $global" -- "$cur"))
            else
                local cword_all=$cur
                # `cycle:NAME`: bash splits words at ':' unless COMP_WORDBREAKS is told otherwise
                [[ $cur == : || ${words[cword - 1]} == : ]] && cword_all=cycle:${cur#:}
                COMPREPLY=($(compgen -W "this-week last-week this-month last-month this-quarter last-quarter
                    this-year last-year ytd since-last-digest since-last-1on1 $(_upward_cycles)" -- "$cword_all"))
                if declare -F __ltrim_colon_completions >/dev/null; then
                    __ltrim_colon_completions "$cword_all"
                elif [[ $cword_all == cycle:* ]]; then
                    COMPREPLY=("${COMPREPLY[@]#cycle:}")
                fi
            fi ;;
        outcome)
            if [[ $cur == -* ]]; then
                COMPREPLY=($(compgen -W "-d --date $global" -- "$cur"))
            elif [[ -z $sub ]]; then
                COMPREPLY=($(compgen -W "$(_upward_win_ids "$cur")" -- "$cur"))
            fi ;;
        wins)
            if [[ $sub == show ]]; then
                if [[ $cur == -* ]]; then
                    COMPREPLY=($(compgen -W "--format $global" -- "$cur"))
                elif (($(_upward_npos) == 2)); then
                    COMPREPLY=($(compgen -W "$(_upward_win_ids "$cur")" -- "$cur"))
                fi
            elif [[ $cur == -* ]]; then
                COMPREPLY=($(compgen -W "--tag --goal --seen-by --not-seen-by --from --kind --private --no-private
                    --grep --follow-up-due -n --limit --format --all $global" -- "$cur"))
            else
                local more=""
                [[ -z $sub ]] && more="show"
                COMPREPLY=($(compgen -W "$more this-week last-week this-month last-month this-quarter last-quarter
                    this-year last-year ytd since-last-digest since-last-1on1" -- "$cur"))
            fi ;;
        edit | set | rm)
            local kinds="win goal person"
            [[ $cmd == edit ]] && kinds="win goal person 1on1 config"
            [[ $cmd == rm ]] && kinds="win goal person topic"
            local kind="" nth=0
            for ((i = 1; i < cword; i++)); do  # the kind: the word after the command
                [[ ${words[i]} == "$cmd" ]] && { kind=${words[i + 1]}; break; }
            done
            [[ $kind == "$cur" ]] && kind=""
            if [[ $cur == -* ]]; then
                local opts=""
                case $cmd/$kind in
                    set/win) opts="--title --impact --date --follow-up --tag --goal --seen-by --private --no-private
                                   --clear-tags --clear-goals --clear-seen-by" ;;
                    set/goal) opts="--title --due --why --owner --supports --clear-supports" ;;
                    set/person) opts="--name --email --style --cadence --relationship --priority --pressure
                                      --clear-priorities --clear-pressures" ;;
                    rm/topic) opts="--force --with" ;;
                    rm/win | rm/goal | rm/person) opts="--force" ;;
                esac
                COMPREPLY=($(compgen -W "$opts $global" -- "$cur"))
            elif [[ -z $kind ]]; then
                COMPREPLY=($(compgen -W "$kinds" -- "$cur"))
            elif (($(_upward_npos) == 2)); then
                case $kind in
                    win) COMPREPLY=($(compgen -W "$(_upward_win_ids "$cur")" -- "$cur")) ;;
                    goal) COMPREPLY=($(compgen -W "$(_upward_ids goals)" -- "$cur")) ;;
                    person | 1on1) COMPREPLY=($(compgen -W "$(_upward_ids people)" -- "$cur")) ;;
                    topic) COMPREPLY=($(compgen -W "$(_upward_topic_ids)" -- "$cur")) ;;
                esac
            fi ;;
        check | sync) COMPREPLY=($(compgen -W "$global" -- "$cur")) ;;
        nudge) COMPREPLY=($(compgen -W "--format $global" -- "$cur")) ;;
        harvest)
            if [[ $cur == -* ]]; then
                COMPREPLY=($(compgen -W "--repo --author --format -e --edit --accept-all -t --tag $global" -- "$cur"))
            else
                COMPREPLY=($(compgen -W "since-last-harvest this-week last-week this-month last-month this-quarter
                    last-quarter this-year last-year ytd" -- "$cur"))
            fi ;;
    esac
}
complete -F _upward upward
