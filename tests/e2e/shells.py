"""Real interactive shells on a pseudo-terminal, asked to complete a command line as a user's TAB would."""
import os
import pty
import re
import select
import signal
import time

COMPLETION_TIMEOUT = 20  # seconds: a shell that never answers fails the test instead of hanging it


class PtyShell:
    """A shell started on a pseudo-terminal; send() types, read_until() waits for a pattern."""

    def __init__(self, argv, env):
        self.pid, self.fd = pty.fork()
        if self.pid == 0:  # the child: the shell
            try:
                os.execvpe(argv[0], argv, env)
            finally:
                os._exit(127)
        self.buf = b""

    def send(self, text):
        os.write(self.fd, text.encode())

    def read_until(self, pattern, timeout=COMPLETION_TIMEOUT):
        end = time.monotonic() + timeout
        while True:
            m = re.search(pattern, self.buf, re.S)
            if m:
                out, self.buf = self.buf[:m.end()], self.buf[m.end():]
                return out
            left = end - time.monotonic()
            if left <= 0:
                raise TimeoutError(f"no {pattern!r} from the shell; it printed: {self.buf[-2000:]!r}")
            ready, _, _ = select.select([self.fd], [], [], min(left, 0.5))
            if ready:
                try:
                    chunk = os.read(self.fd, 65536)
                except OSError:
                    chunk = b""
                if not chunk:
                    raise EOFError(f"the shell ended; it printed: {self.buf[-2000:]!r}")
                self.buf += chunk

    def close(self):
        try:
            os.kill(self.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        os.waitpid(self.pid, 0)
        os.close(self.fd)


class Zsh(PtyShell):
    """zsh -f with compinit and upward's _upward; complete(line) returns the words TAB offers.

    `compadd` is wrapped to print what each call adds (between @@ marks), and TAB is bound to a
    widget that completes and then prints @@END@@, so the answer is read after the completion
    has run (typed-ahead keys would make zsh skip it)."""

    def __init__(self, completions_dir, env):
        super().__init__(["zsh", "-f", "-i"], dict(env, TERM="dumb"))
        self.send(f"PS1='> '; fpath=({completions_dir} $fpath); autoload -Uz compinit; compinit -u -D; "
                  "echo READY$((40+2))\n")
        self.read_until(rb"READY42\r?\n")
        self.send("compadd() { local -a __h; builtin compadd -O __h \"$@\"; print -rn -- \"@@${(pj:\\t:)__h}@@\" "
                  ">/dev/tty; builtin compadd \"$@\"; }; "
                  "_upward_test_tab() { zle complete-word; print -rn -- '@@END''@@' >/dev/tty }; "
                  "zle -N _upward_test_tab; bindkey '^I' _upward_test_tab; echo SET$((40+2))\n")
        self.read_until(rb"SET42\r?\n")

    def complete(self, line):
        self.send(line + "\t")
        out = self.read_until(rb"@@END@@")
        self.send("\x15echo SYNC$((40+2))\n")  # ^U: the line is dropped, never run
        self.read_until(rb"SYNC42\r?\n")
        words = set()
        for group in re.findall(rb"@@(.*?)@@", out[:-len(b"@@END@@")], re.S):
            words.update(w for w in group.decode().split("\t") if w)
        return words


class Bash(PtyShell):
    """An interactive bash with the bash-completion package and upward's script loaded, as a
    user's ~/.bashrc would; complete(line) returns the words TAB lists (one per line)."""

    def __init__(self, bash_completion, script, env):
        super().__init__(["bash", "--norc", "--noprofile", "-i"], dict(env, TERM="dumb", INPUTRC="/dev/null"))
        self.send(f"PS1='> '; source {bash_completion}; source {script}; "
                  "bind 'set show-all-if-ambiguous on'; bind 'set completion-display-width 0'; "
                  "bind 'set page-completions off'; bind 'set completion-query-items 0'; "
                  "bind 'set horizontal-scroll-mode on'; echo READY$((40+2))\n")
        self.read_until(rb"READY42\r?\n")

    def complete(self, line):
        """(the words TAB listed, one per line, and the line as TAB left it)."""
        self.send(line + "\t")
        self.send("\x01echo @@LINE@@ \n")  # ^A: the completed line becomes echo's arguments
        out = self.read_until(rb"\n@@LINE@@ ([^\r\n]*)\r?\n")
        final = re.search(rb"\n@@LINE@@ ([^\r\n]*)\r?\n$", out).group(1).decode()
        listed = {l.strip() for l in out.decode(errors="replace").replace("\r", "").split("\n")}
        return listed, final
