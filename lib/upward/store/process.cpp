#include "upward/store/process.hpp"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "upward/base/error.hpp"

namespace upward::process {

namespace {

struct Pipe {
  int fd[2] = {-1, -1};
  Pipe() {
    if (::pipe2(fd, O_CLOEXEC) != 0) throw sys_error("cannot create a pipe for", "git", errno);
  }
  ~Pipe() { close_both(); }
  void close_end(int i) {
    if (fd[i] >= 0) ::close(fd[i]);
    fd[i] = -1;
  }
  void close_both() { close_end(0); close_end(1); }
};

std::vector<char*> c_strings(const std::vector<std::string>& v) {
  std::vector<char*> out;
  for (const auto& s : v) out.push_back(const_cast<char*>(s.c_str()));
  out.push_back(nullptr);
  return out;
}

/// The run, with `stdin_fd`/`stdout_fd` (when >= 0 and nothing else takes that stream) given
/// to the child as its stdin and stdout.
Result spawn(const std::vector<std::string>& argv, const Env& env, const std::optional<std::string>& input,
             bool capture, int stdin_fd, int stdout_fd) {
  std::optional<Pipe> in;
  if (input) in.emplace();
  // The output goes to an anonymous file, not a pipe: a background job a git hook starts keeps
  // its copy of the descriptor, and reading a pipe to its end would wait for that job too.
  struct Capture {
    int fd = -1;
    ~Capture() {
      if (fd >= 0) ::close(fd);
    }
  } out;
  if (capture && (out.fd = ::memfd_create("upward-git-output", MFD_CLOEXEC)) < 0)
    throw sys_error("cannot capture the output of", argv[0], errno);

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  if (in) posix_spawn_file_actions_adddup2(&actions, in->fd[0], 0);
  else if (stdin_fd >= 0) posix_spawn_file_actions_adddup2(&actions, stdin_fd, 0);
  if (out.fd < 0 && stdout_fd >= 0) posix_spawn_file_actions_adddup2(&actions, stdout_fd, 1);
  if (out.fd >= 0) {
    posix_spawn_file_actions_adddup2(&actions, out.fd, 1);
    posix_spawn_file_actions_adddup2(&actions, out.fd, 2);
  }
  posix_spawnattr_t attr;
  posix_spawnattr_init(&attr);
  sigset_t defaults;
  sigemptyset(&defaults);
  sigaddset(&defaults, SIGPIPE);  // main ignores SIGPIPE; children get the usual behaviour back
  sigaddset(&defaults, SIGINT);   // run_editor ignores these while the editor runs
  sigaddset(&defaults, SIGQUIT);
  posix_spawnattr_setsigdefault(&attr, &defaults);
  posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGDEF);

  auto args = c_strings(argv);
  auto envp = c_strings(env);
  pid_t pid = 0;
  int rc = ::posix_spawnp(&pid, args[0], &actions, &attr, args.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  posix_spawnattr_destroy(&attr);
  if (rc != 0) throw Error("cannot run '" + argv[0] + "': " + std::strerror(rc));

  Result result;
  int input_error = 0;
  if (in) {
    in->close_end(0);
    const char* p = input->data();
    size_t left = input->size();
    while (left > 0) {
      ssize_t n = ::write(in->fd[1], p, left);
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) {
        // EPIPE: the child stopped reading, its exit status tells the rest; anything else
        // means it got part of its input and may have acted on it: an error of its own
        if (errno != EPIPE) input_error = errno;
        break;
      }
      p += n;
      left -= static_cast<size_t>(n);
    }
    in->close_end(1);
  }
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0) {
    if (errno != EINTR) throw sys_error("cannot wait for", argv[0], errno);
  }
  if (input_error) throw sys_error("cannot write the input of", argv[0], input_error);
  if (out.fd >= 0) {  // what the child wrote until it exited (a background job may add more later)
    char buf[4096];
    for (off_t at = 0;;) {
      ssize_t n = ::pread(out.fd, buf, sizeof buf, at);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) break;
      result.output.append(buf, static_cast<size_t>(n));
      at += n;
    }
  }
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return result;
}

}  // namespace

Result run(const std::vector<std::string>& argv, const Env& env, const std::optional<std::string>& input,
           bool capture) {
  return spawn(argv, env, input, capture, -1, -1);
}

std::optional<std::string> getenv(const Env& env, const std::string& name) {
  for (const auto& kv : env)
    if (kv.size() > name.size() && kv[name.size()] == '=' && kv.compare(0, name.size(), name) == 0)
      return kv.substr(name.size() + 1);
  return std::nullopt;
}

Env without(const Env& env, const std::vector<std::string>& names) {
  Env out;
  for (const auto& kv : env) {
    bool drop = false;
    for (const auto& n : names)
      if (kv.size() > n.size() && kv[n.size()] == '=' && kv.compare(0, n.size(), n) == 0) drop = true;
    if (!drop) out.push_back(kv);
  }
  return out;
}

}  // namespace upward::process

namespace upward::process {

std::vector<std::string> editor_argv(const std::string& editor, const std::string& file) {
  if (editor.find_first_of(" \t\n|&;<>()$`\\\"'*?[]#~=%") == std::string::npos) return {editor, file};
  return {"sh", "-c", editor + " \"$@\"", editor, file};
}

void run_editor(const std::string& file, const Env& env) {
  std::string editor = "vi";
  for (const char* name : {"VISUAL", "EDITOR"}) {
    if (auto v = getenv(env, name); v && !v->empty()) {
      editor = *v;
      break;
    }
  }
  // The editor never writes into our stdout, which may be a pipe a script reads the id from
  // (`id=$(upward log-win -e)`): it gets the terminal, or else stderr, as its stdout.
  int in_fd = -1, out_fd = -1, tty = -1;
  if (!::isatty(1)) {
    tty = ::open("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC);
    in_fd = out_fd = tty >= 0 ? tty : 2;
    if (tty < 0) in_fd = -1;
  }
  // As git does: ^C and ^\ are the editor's to handle, they do not kill upward with the text unread.
  struct sigaction ignore{}, old_int{}, old_quit{};
  ignore.sa_handler = SIG_IGN;
  sigemptyset(&ignore.sa_mask);
  ::sigaction(SIGINT, &ignore, &old_int);
  ::sigaction(SIGQUIT, &ignore, &old_quit);
  Result r;
  try {
    r = spawn(editor_argv(editor, file), env, std::nullopt, false, in_fd, out_fd);
  } catch (...) {
    ::sigaction(SIGINT, &old_int, nullptr);
    ::sigaction(SIGQUIT, &old_quit, nullptr);
    if (tty >= 0) ::close(tty);
    throw;
  }
  ::sigaction(SIGINT, &old_int, nullptr);
  ::sigaction(SIGQUIT, &old_quit, nullptr);
  if (tty >= 0) ::close(tty);
  if (r.exit_code != 0)
    throw Error("the editor '" + editor + "' failed (exit " + std::to_string(r.exit_code) + "); nothing was recorded");
}

}  // namespace upward::process
