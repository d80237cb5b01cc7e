# bash completion for upward                                   -*- shell-script -*-
# Install as /usr/share/bash-completion/completions/upward, or source it from ~/.bashrc.

_upward_repo() {
    local i
    for ((i = 1; i < COMP_CWORD; i++)); do
        if [[ ${COMP_WORDS[i]} == --dir ]]; then
            printf '%s\n' "${COMP_WORDS[i + 1]}"
            return
        fi
    done
    printf '%s\n' "${UPWARD_DIR:-${XDG_DATA_HOME:-$HOME/.local/share}/upward}"
}

_upward_ids() {  # ids of the files in one folder of the repository: goals or people
    local dir
    dir=$(_upward_repo)/$1
    [[ -d $dir ]] || return
    local f
    for f in "$dir"/*.toml; do
        [[ -e $f ]] && f=${f##*/} && printf '%s\n' "${f%.toml}"
    done
}

_upward() {
    local cur prev words cword
    if declare -F _init_completion >/dev/null; then
        _init_completion || return
    else
        cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD - 1]}
        words=("${COMP_WORDS[@]}") cword=$COMP_CWORD
    fi
    local global="--dir --today --color -q --quiet --version -h --help"
    local commands="init log-win check"

    case $prev in
        --dir) COMPREPLY=($(compgen -d -- "$cur")); return ;;
        --color) COMPREPLY=($(compgen -W "auto always never" -- "$cur")); return ;;
        --today | -d | --date | --follow-up)
            COMPREPLY=($(compgen -W "today yesterday tomorrow monday tuesday wednesday thursday friday" -- "$cur"))
            return ;;
        -g | --goal) COMPREPLY=($(compgen -W "$(_upward_ids goals)" -- "$cur")); return ;;
        --seen-by | --from) COMPREPLY=($(compgen -W "$(_upward_ids people)" -- "$cur")); return ;;
        --kind) COMPREPLY=($(compgen -W "win kudos" -- "$cur")); return ;;
        -i | --impact | --metric | -t | --tag | --link | --name | --email) return ;;
    esac

    local i cmd=""
    for ((i = 1; i < cword; i++)); do
        case ${words[i]} in
            init | log-win | check) cmd=${words[i]}; break ;;
            --dir | --today | --color) ((i++)) ;;
        esac
    done

    case $cmd in
        "") COMPREPLY=($(compgen -W "$commands $global" -- "$cur")) ;;
        init)
            if [[ $cur == -* ]]; then
                COMPREPLY=($(compgen -W "--name --email $global" -- "$cur"))
            else
                COMPREPLY=($(compgen -d -- "$cur"))
            fi ;;
        log-win)
            COMPREPLY=($(compgen -W "-i --impact --metric -t --tag -g --goal -d --date --seen-by --kind
                --from --follow-up --link --private --stdin --stdin-lines -e --edit $global" -- "$cur")) ;;
        check) COMPREPLY=($(compgen -W "$global" -- "$cur")) ;;
    esac
}
complete -F _upward upward
