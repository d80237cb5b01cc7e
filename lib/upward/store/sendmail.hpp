#pragma once
// Handing a message to the local mail system: `[digest] sendmail` run as an argument vector.
#include <string>
#include <vector>

#include "upward/store/process.hpp"

namespace upward::sendmail {

/// `command` split at spaces and tabs into an argument vector (no shell, no quoting rules):
/// "/usr/sbin/sendmail -t -i" -> {"/usr/sbin/sendmail", "-t", "-i"}. UsageError when empty.
std::vector<std::string> argv_of(const std::string& command);

/// Run `command` (argv_of) with `message` on its stdin. Error with its exit status and its
/// output (stdout and stderr) when it fails or cannot start.
void send(const std::string& command, const std::string& message, const process::Env& env);

}  // namespace upward::sendmail
