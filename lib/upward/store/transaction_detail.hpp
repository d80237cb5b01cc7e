#pragma once
// What the transaction, the journal's recovery and sync share; not for other code.
#include <string>
#include <vector>

#include "upward/store/git.hpp"

namespace upward {
class Repo;
namespace detail {

/// The folder of a relative path ("" at the repository root).
std::string folder_of(const std::string& rel);
/// `'a', 'b'`.
std::string quoted_list(const std::vector<std::string>& items);
/// A journal line's tab-separated fields.
std::vector<std::string> split_tabs(const std::string& line);
/// unlink, where a missing file is fine; Error for anything else.
void unlink_or_throw(const std::string& path);
/// A git child of a killed upward may still be finishing its commit: give it a moment.
void wait_for_git_index(const Repo& repo);
/// Who commits when git has no identity: `[me]`, else the login name at localhost.
git::Identity identity(Repo& repo);

}  // namespace detail
}  // namespace upward
