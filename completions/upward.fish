# fish completion for upward: install in ~/.config/fish/completions/ or vendor_completions.d/

function __upward_ids --description 'ids of the files in one folder of the repository'
    set -l repo $UPWARD_DIR
    set -l tokens (commandline -opc)
    set -l i (contains -i -- --dir $tokens)
    and set repo $tokens[(math $i + 1)]
    test -n "$repo"; or set repo (set -q XDG_DATA_HOME; and echo $XDG_DATA_HOME; or echo $HOME/.local/share)/upward
    for f in $repo/$argv[1]/*.toml
        basename $f .toml
    end
end

set -l commands init log-win check
complete -c upward -f
complete -c upward -l dir -r -a '(__fish_complete_directories)' -d 'The repository'
complete -c upward -l today -x -a 'today yesterday' -d "Pin today's date"
complete -c upward -l color -x -a 'auto always never' -d 'Colour'
complete -c upward -s q -l quiet -d 'Print only the payload'
complete -c upward -l version -d 'Print the version'
complete -c upward -s h -l help -d 'Help'

complete -c upward -n "not __fish_seen_subcommand_from $commands" -a init -d 'Create a repository'
complete -c upward -n "not __fish_seen_subcommand_from $commands" -a log-win -d 'Record a win and why it mattered'
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
