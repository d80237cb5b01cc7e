" upward in vim: source it from your vimrc (`source ~/src/upward/examples/editors/upward.vim`).
"
"   :UpwardAgenda [PERSON]   insert the agenda of your next 1:1 (with PERSON) at the cursor
"   :UpwardDigest [PERIOD]   insert the digest of PERIOD (default: this week) at the cursor
"   :UpwardWins [ARGS]       the wins (`upward wins ARGS --format vimgrep`) in the quickfix list
"   :UpwardRecords [PERIOD]  the records a digest names, in the quickfix list: :cnext jumps
"   :UpwardCheck             every problem `upward check` finds, in the quickfix list
"
" The same by hand: `:r !upward prep-1on1`, `:cexpr system('upward digest --format vimgrep')`.

command! -nargs=? UpwardAgenda execute 'read !upward prep-1on1 ' . <q-args>
command! -nargs=* UpwardDigest execute 'read !upward digest ' . <q-args>
command! -nargs=* UpwardWins cexpr system('upward wins --format vimgrep ' . <q-args>) | copen
command! -nargs=* UpwardRecords cexpr system('upward digest --format vimgrep ' . <q-args>) | copen
command! UpwardCheck cexpr system('upward check 2>&1') | copen
