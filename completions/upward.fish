# fish completion for upward: install in ~/.config/fish/completions/ or vendor_completions.d/

function __upward_repo --description 'the repository: --dir on the line, else $UPWARD_DIR, else the default'
    set -l repo $UPWARD_DIR
    set -l tokens (commandline -opc)
    set -l i (contains -i -- --dir $tokens)
    and set repo $tokens[(math $i + 1)]
    for t in $tokens  # --dir=DIR
        string match -q -- '--dir=*' $t; and set repo (string replace -- '--dir=' '' $t)
    end
    test -n "$repo"; or set repo (set -q XDG_DATA_HOME; and echo $XDG_DATA_HOME; or echo $HOME/.local/share)/upward
    echo $repo
end

function __upward_live --description 'live values from the binary itself: upward __complete KIND [PREFIX]'
    upward --dir (__upward_repo) __complete $argv 2>/dev/null
end

function __upward_npos --description 'how many words so far are not options nor option values'
    set -l n 0
    set -l skip 0
    for t in (commandline -opc)[2..-1]
        if test $skip -eq 1
            set skip 0
            continue
        end
        switch $t
            case --dir --today --color -i --impact --metric -t --tag -g --goal -d --date --seen-by --not-seen-by \
                --kind --from --follow-up --link --format --group-by --for --to --cc --subject --owner --due --why \
                --supports --progress --status --note --period --name --relationship --email --style --cadence \
                --priority --pressure --with --solution --since --grep -n --limit --title --repo --author --id
                set skip 1
            case '-*'
            case '*'
                set n (math $n + 1)
        end
    end
    echo $n
end

function __upward_ids --description 'goal or person ids'
    __upward_live $argv[1]
end

function __upward_win_ids --description 'win ids'
    __upward_live wins (commandline -ct)
end

function __upward_topic_ids --description 'the queued talking points of every person'
    __upward_live topics
end

function __upward_actions --description 'the open action items of every 1:1'
    __upward_live actions
end

function __upward_periods --description 'period words, and cycle:NAME for each [cycles] name'
    __upward_live periods
end

set -l commands help init log-win digest prep-1on1 outcome goals people wins edit set rm check nudge harvest sync
complete -c upward -f
complete -c upward -l dir -r -a '(__fish_complete_directories)' -d 'The repository'
complete -c upward -l today -x -a 'today yesterday' -d "Pin today's date"
complete -c upward -l color -x -a 'auto always never' -d 'Colour'
complete -c upward -s q -l quiet -d 'No notes; the payload still goes to stdout'
complete -c upward -s V -l version -d 'Print the version'
complete -c upward -s h -l help -d 'Help'

complete -c upward -n "not __fish_seen_subcommand_from $commands" -a help -d 'The help of upward or of a command'
complete -c upward -n "not __fish_seen_subcommand_from $commands" -a init -d 'Create a repository'
complete -c upward -n "__fish_seen_subcommand_from help; and not __fish_seen_subcommand_from init log-win digest prep-1on1 outcome goals people wins edit set rm check nudge harvest sync" -a 'init log-win digest prep-1on1 outcome goals people wins edit set rm check nudge harvest sync'
complete -c upward -n "not __fish_seen_subcommand_from $commands" -a log-win -d 'Record a win and why it mattered'
complete -c upward -n "not __fish_seen_subcommand_from $commands" -a digest -d 'The weekly update and the review packet'
complete -c upward -n "not __fish_seen_subcommand_from $commands" -a prep-1on1 -d 'The agenda of your next 1:1'
complete -c upward -n "not __fish_seen_subcommand_from $commands" -a outcome -d 'Record what came of a win'
complete -c upward -n "not __fish_seen_subcommand_from $commands" -a goals -d "Your goals beside your manager's"
complete -c upward -n "not __fish_seen_subcommand_from $commands" -a people -d 'Your managers and stakeholders'
complete -c upward -n "not __fish_seen_subcommand_from $commands" -a wins -d 'List and search wins'
complete -c upward -n "not __fish_seen_subcommand_from $commands" -a edit -d 'Edit a record in $EDITOR, checked before it lands'
complete -c upward -n "not __fish_seen_subcommand_from $commands" -a set -d 'Change one field of a win, goal or person'
complete -c upward -n "not __fish_seen_subcommand_from $commands" -a rm -d 'Remove a win, goal, person or talking point'
complete -c upward -n "not __fish_seen_subcommand_from $commands" -a check -d 'Validate every file'

complete -c upward -n '__fish_seen_subcommand_from init' -l name -x -d 'Your name'
complete -c upward -n '__fish_seen_subcommand_from init' -l email -x -d 'Your email'
complete -c upward -n '__fish_seen_subcommand_from init' -a '(__fish_complete_directories)'

set -l lw '__fish_seen_subcommand_from log-win'
complete -c upward -n $lw -s i -l impact -x -d 'Why it mattered'
complete -c upward -n $lw -l metric -x -d 'NAME=BEFORE->AFTER'
complete -c upward -n $lw -s t -l tag -x -d 'Tag'
complete -c upward -n $lw -s g -l goal -x -a '(__upward_ids goals)' -d 'Goal id'
complete -c upward -n $lw -s d -l date -x -a 'today yesterday' -d 'When'
complete -c upward -n $lw -l seen-by -x -a '(__upward_ids people)' -d 'Person who has seen it'
complete -c upward -n $lw -l kind -x -a 'win kudos' -d 'Kind'
complete -c upward -n $lw -l from -x -a '(__upward_ids people)' -d 'Kudos: who gave it'
complete -c upward -n $lw -l follow-up -x -d 'When to record the outcome'
complete -c upward -n $lw -l link -x -d 'Evidence URL'
complete -c upward -n $lw -l private -d 'Never in a digest, email or export'
complete -c upward -n $lw -l stdin -d 'Read the text from stdin'
complete -c upward -n $lw -l stdin-lines -d 'One win per stdin line'
complete -c upward -n $lw -s e -l edit -d 'Write the win in $EDITOR'

set -l goal_subs list add update done show align
set -l g '__fish_seen_subcommand_from goals'
complete -c upward -n "$g; and not __fish_seen_subcommand_from $goal_subs" -a list -d 'Active goals by owner'
complete -c upward -n "$g; and not __fish_seen_subcommand_from $goal_subs" -a add -d 'Add a goal'
complete -c upward -n "$g; and not __fish_seen_subcommand_from $goal_subs" -a update -d 'Record progress, a status or a note'
complete -c upward -n "$g; and not __fish_seen_subcommand_from $goal_subs" -a done -d 'Mark a goal done'
complete -c upward -n "$g; and not __fish_seen_subcommand_from $goal_subs" -a show -d 'A goal, its updates and wins'
complete -c upward -n "$g; and not __fish_seen_subcommand_from $goal_subs" -a align -d "What serves your manager's goals"
complete -c upward -n "$g; and __fish_seen_subcommand_from update done show; and test (__upward_npos) -eq 2" -a '(__upward_ids goals)' -d 'Goal'
set -l gl "$g; and not __fish_seen_subcommand_from add update done show align"  # goals [list]
complete -c upward -n $gl -l all -d 'Include done and dropped goals'
complete -c upward -n $gl -l owner -x -a 'me (__upward_ids people)' -d 'me or a person id'
complete -c upward -n "$g; and not __fish_seen_subcommand_from add update done" -l format -x -a 'text md json' -d 'Output format'
complete -c upward -n "$g; and __fish_seen_subcommand_from add" -l owner -x -a 'me (__upward_ids people)' -d 'me or a person id'
complete -c upward -n "$g; and __fish_seen_subcommand_from add" -l id -x -d 'The goal id'
complete -c upward -n "$g; and __fish_seen_subcommand_from add" -l due -x -d 'Due date'
complete -c upward -n "$g; and __fish_seen_subcommand_from add" -l why -x -d 'Why it matters'
complete -c upward -n "$g; and __fish_seen_subcommand_from add" -l supports -x -a '(__upward_ids goals)' -d 'Goal it serves'
complete -c upward -n "$g; and __fish_seen_subcommand_from add" -l private -d 'Never in a digest, email or export'
complete -c upward -n "$g; and __fish_seen_subcommand_from update" -l progress -x -d '0% to 100%'
complete -c upward -n "$g; and __fish_seen_subcommand_from update" -l status -x -a 'on-track at-risk blocked done dropped' -d 'Status'
complete -c upward -n "$g; and __fish_seen_subcommand_from update done" -l note -x -d 'What happened'
complete -c upward -n "$g; and __fish_seen_subcommand_from update done" -s d -l date -x -d 'When'
complete -c upward -n "$g; and __fish_seen_subcommand_from align" -l period -x -a 'this-quarter last-quarter this-year' -d 'Wins of this period'

set -l people_subs list add show primary
set -l p '__fish_seen_subcommand_from people'
complete -c upward -n "$p; and not __fish_seen_subcommand_from $people_subs" -a list -d 'List people'
complete -c upward -n "$p; and not __fish_seen_subcommand_from $people_subs" -a add -d 'Add a person'
complete -c upward -n "$p; and not __fish_seen_subcommand_from $people_subs" -a show -d 'Show a person'
complete -c upward -n "$p; and not __fish_seen_subcommand_from $people_subs" -a primary -d 'Make someone your primary manager'
complete -c upward -n "$p; and __fish_seen_subcommand_from show primary; and test (__upward_npos) -eq 2" -a '(__upward_ids people)' -d 'Person'
complete -c upward -n "$p; and not __fish_seen_subcommand_from add primary" -l format -x -a 'text md json' -d 'Output format'
complete -c upward -n "$p; and __fish_seen_subcommand_from add" -l name -x -d 'Their name'
complete -c upward -n "$p; and __fish_seen_subcommand_from add" -l relationship -x -a 'manager skip-level stakeholder mentor peer' -d 'Relationship'
complete -c upward -n "$p; and __fish_seen_subcommand_from add" -l email -x -d 'Their email'
complete -c upward -n "$p; and __fish_seen_subcommand_from add" -l style -x -a 'brief detailed' -d 'How they like updates'
complete -c upward -n "$p; and __fish_seen_subcommand_from add" -l cadence -x -a 'weekly biweekly monthly' -d '1:1 cadence'
complete -c upward -n "$p; and __fish_seen_subcommand_from add" -l priority -x -d 'What they care about'
complete -c upward -n "$p; and __fish_seen_subcommand_from add" -l pressure -x -d 'What presses on them'
complete -c upward -n "$p; and __fish_seen_subcommand_from add" -l primary -d 'Make them your primary manager'

set -l prep_subs add done list
set -l pr '__fish_seen_subcommand_from prep-1on1'
complete -c upward -n "$pr; and not __fish_seen_subcommand_from $prep_subs; and test (__upward_npos) -le 1" -a add -d 'Queue a talking point'
complete -c upward -n "$pr; and not __fish_seen_subcommand_from $prep_subs; and test (__upward_npos) -le 1" -a done -d 'Close an action item'
complete -c upward -n "$pr; and not __fish_seen_subcommand_from $prep_subs; and test (__upward_npos) -le 1" -a list -d 'Queued talking points and open actions'
complete -c upward -n "$pr; and not __fish_seen_subcommand_from add done; and test (__upward_npos) -le 1" -a '(__upward_ids people)' -d 'Person'
complete -c upward -n "$pr; and __fish_seen_subcommand_from done; and test (__upward_npos) -eq 2" -a '(__upward_actions)' -d 'Action item'
complete -c upward -n "$pr; and not __fish_seen_subcommand_from $prep_subs" -l date -x -d 'The meeting date'
complete -c upward -n "$pr; and not __fish_seen_subcommand_from $prep_subs" -l since -x -a 'since-last-1on1' -d "The period's first day"
complete -c upward -n "$pr; and not __fish_seen_subcommand_from $prep_subs" -l format -x -a 'md text json' -d 'Output format'
complete -c upward -n "$pr; and not __fish_seen_subcommand_from $prep_subs" -l all-sections -d 'Show empty sections as none'
complete -c upward -n "$pr; and not __fish_seen_subcommand_from $prep_subs" -l save -d 'Write the 1:1 record, print its path'
complete -c upward -n "$pr; and __fish_seen_subcommand_from add done" -l with -x -a '(__upward_ids people)' -d 'Whose 1:1s'
complete -c upward -n "$pr; and __fish_seen_subcommand_from add" -l kind -x -a 'problem idea ask topic feedback career' -d 'Kind'
complete -c upward -n "$pr; and __fish_seen_subcommand_from add" -l solution -x -d "A problem's proposed solution"
complete -c upward -n "$pr; and __fish_seen_subcommand_from add" -l private -d 'Never in an agenda'
complete -c upward -n "$pr; and __fish_seen_subcommand_from done" -s d -l date -x -a 'today yesterday' -d 'When it was done'
complete -c upward -n "$pr; and __fish_seen_subcommand_from list" -l all -d 'Everyone with 1:1s'

complete -c upward -n '__fish_seen_subcommand_from outcome; and test (__upward_npos) -eq 1' -a '(__upward_win_ids)' -d 'Win'
complete -c upward -n '__fish_seen_subcommand_from outcome' -s d -l date -x -a 'today yesterday' -d 'When it was known'

set -l dg '__fish_seen_subcommand_from digest'
complete -c upward -n "$dg" -a '(__upward_periods)' -d 'Period'
complete -c upward -n "$dg" -l format -x -a 'md text json html email vimgrep' -d 'Output format'
complete -c upward -n "$dg" -l group-by -x -a 'goal tag section week month' -d 'Group the progress by'
complete -c upward -n "$dg" -l for -x -a '(__upward_ids people)' -d 'Whom it is for'
complete -c upward -n "$dg" -l to -x -d 'Email recipient'
complete -c upward -n "$dg" -l cc -x -d 'Email copy recipient'
complete -c upward -n "$dg" -l subject -x -d 'Email subject'
complete -c upward -n "$dg" -l send -d 'Send the email and record it'
complete -c upward -n "$dg" -l edit -d 'Edit the text in $EDITOR first'

set -l w '__fish_seen_subcommand_from wins'
complete -c upward -n "$w; and not __fish_seen_subcommand_from show" -a show -d 'One win, whole'
complete -c upward -n "$w; and not __fish_seen_subcommand_from show" -a '(__upward_periods)' -d 'Period'
complete -c upward -n "$w; and __fish_seen_subcommand_from show; and test (__upward_npos) -eq 2" -a '(__upward_win_ids)' -d 'Win'
complete -c upward -n "$w; and __fish_seen_subcommand_from show" -l format -x -a 'text md json' -d 'Output format'
set -l wl "$w; and not __fish_seen_subcommand_from show"
complete -c upward -n $wl -l tag -x -d 'Only wins with this tag'
complete -c upward -n $wl -l goal -x -a '(__upward_ids goals)' -d 'Only wins for this goal'
complete -c upward -n $wl -l seen-by -x -a '(__upward_ids people)' -d 'Only wins this person has seen'
complete -c upward -n $wl -l not-seen-by -x -a '(__upward_ids people)' -d 'Only wins this person has not seen'
complete -c upward -n $wl -l from -x -a '(__upward_ids people)' -d 'Only kudos from this person'
complete -c upward -n $wl -l kind -x -a 'win kudos' -d 'Kind'
complete -c upward -n $wl -l private -d 'Only private wins'
complete -c upward -n $wl -l no-private -d 'Only wins that are not private'
complete -c upward -n $wl -l grep -x -d 'Title, impact or outcome matches (regex)'
complete -c upward -n $wl -l follow-up-due -d 'Only wins whose outcome is due'
complete -c upward -n $wl -s n -l limit -x -d 'The newest N'
complete -c upward -n $wl -l format -x -a 'text md json vimgrep' -d 'Output format'
complete -c upward -n $wl -l all -d 'Every month of the history'

# edit, set, rm: KIND then ID
for c in edit set rm
    set -l kinds win goal person
    test $c = edit; and set kinds win goal person 1on1 config
    test $c = rm; and set kinds win goal person topic
    set -l on "__fish_seen_subcommand_from $c"
    complete -c upward -n "$on; and not __fish_seen_subcommand_from $kinds" -a "$kinds" -d 'Kind'
    complete -c upward -n "$on; and test (__upward_npos) -eq 2; and __fish_seen_subcommand_from win" -a '(__upward_win_ids)' -d 'Win'
    complete -c upward -n "$on; and test (__upward_npos) -eq 2; and __fish_seen_subcommand_from goal" -a '(__upward_ids goals)' -d 'Goal'
    complete -c upward -n "$on; and test (__upward_npos) -eq 2; and __fish_seen_subcommand_from person 1on1" -a '(__upward_ids people)' -d 'Person'
end
complete -c upward -n '__fish_seen_subcommand_from rm; and __fish_seen_subcommand_from topic; and test (__upward_npos) -eq 2' -a '(__upward_topic_ids)' -d 'Talking point'
complete -c upward -n '__fish_seen_subcommand_from rm; and __fish_seen_subcommand_from win goal person topic' -l force -d 'Remove it even while others refer to it'
complete -c upward -n '__fish_seen_subcommand_from rm; and __fish_seen_subcommand_from topic' -l with -x -a '(__upward_ids people)' -d 'Whose talking point'

set -l sw '__fish_seen_subcommand_from set; and __fish_seen_subcommand_from win'
complete -c upward -n $sw -l title -x -d 'New title'
complete -c upward -n $sw -l impact -x -d 'New impact'
complete -c upward -n $sw -l date -x -a 'today yesterday' -d 'New date (moves the win)'
complete -c upward -n $sw -l follow-up -x -d 'When to record the outcome'
complete -c upward -n $sw -l tag -x -d 'Add a tag'
complete -c upward -n $sw -l goal -x -a '(__upward_ids goals)' -d 'Add a goal'
complete -c upward -n $sw -l seen-by -x -a '(__upward_ids people)' -d 'Add a person who has seen it'
complete -c upward -n $sw -l private -d 'Make it private'
complete -c upward -n $sw -l no-private -d 'Make it not private'
complete -c upward -n $sw -l clear-tags -d 'Empty the tags first'
complete -c upward -n $sw -l clear-goals -d 'Empty the goals first'
complete -c upward -n $sw -l clear-seen-by -d 'Empty seen_by first'
set -l sg '__fish_seen_subcommand_from set; and __fish_seen_subcommand_from goal'
complete -c upward -n $sg -l title -x -d 'New title'
complete -c upward -n $sg -l due -x -d 'New due date'
complete -c upward -n $sg -l why -x -d 'Why it matters'
complete -c upward -n $sg -l owner -x -a 'me (__upward_ids people)' -d 'me or a person id'
complete -c upward -n $sg -l supports -x -a '(__upward_ids goals)' -d 'Add a goal it serves'
complete -c upward -n $sg -l clear-supports -d 'Empty supports first'
set -l sp '__fish_seen_subcommand_from set; and __fish_seen_subcommand_from person'
complete -c upward -n $sp -l name -x -d 'Their name'
complete -c upward -n $sp -l email -x -d 'Their email'
complete -c upward -n $sp -l style -x -a 'brief detailed' -d 'How they like updates'
complete -c upward -n $sp -l cadence -x -a 'weekly biweekly monthly' -d '1:1 cadence'
complete -c upward -n $sp -l relationship -x -a 'manager skip-level stakeholder mentor peer' -d 'Relationship'
complete -c upward -n $sp -l priority -x -d 'Add a priority'
complete -c upward -n $sp -l pressure -x -d 'Add a pressure'
complete -c upward -n $sp -l clear-priorities -d 'Empty the priorities first'
complete -c upward -n $sp -l clear-pressures -d 'Empty the pressures first'

# nudge, harvest, sync
complete -c upward -n "not __fish_seen_subcommand_from $commands" -a nudge -d 'What needs you now (silent when nothing does)'
complete -c upward -n "not __fish_seen_subcommand_from $commands" -a harvest -d 'Wins proposed from your own git commits'
complete -c upward -n "not __fish_seen_subcommand_from $commands" -a sync -d 'git pull --rebase then git push'
complete -c upward -n '__fish_seen_subcommand_from nudge' -l format -x -a 'text json' -d 'Output format'
set -l hv '__fish_seen_subcommand_from harvest'
complete -c upward -n $hv -a 'since-last-harvest (__upward_periods)' -d 'Period'
complete -c upward -n $hv -l repo -x -a '(__fish_complete_directories)' -d 'A git repository to read'
complete -c upward -n $hv -l author -x -d 'Whose commits (an email)'
complete -c upward -n $hv -l format -x -a 'md json' -d 'Output format'
complete -c upward -n $hv -s e -l edit -d 'Keep, rewrite or delete the candidates in $EDITOR'
complete -c upward -n $hv -l accept-all -d 'Record every candidate'
complete -c upward -n $hv -s t -l tag -x -d 'Tag the recorded wins'
