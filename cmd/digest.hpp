#pragma once
// `upward digest`: the options, and the email half (cmd/digest_send.cpp).
#include <string>
#include <vector>

#include "context.hpp"
#include "upward/render/digest_render.hpp"
#include "upward/render/email.hpp"

namespace upward::cmd {

struct DigestOptions {
  std::vector<std::string> period;  ///< the words of the period expression (default this-week)
  std::string format, group_by = "goal", for_person, subject;
  std::vector<std::string> to, cc;
  bool send = false, edit = false;
};

/// The email of `d`: From [me], To/Cc/Subject by the rules of upward-digest(1), Date from ctx.now.
/// `text` is the plain body (edited or not); `html` the HTML body. Error when there is no recipient.
email::Message digest_message(const Digest& d, const DigestOptions& opt,
                              std::string text, std::string html, Context& ctx);

/// `text` in $EDITOR; Error "empty update: nothing sent" when the user emptied it.
Repo::Edited edit_body(const std::string& text, Context& ctx);

/// Pipe the rendered message to [digest] sendmail, then record it under sent/ with the digest's
/// plans (those still in the text when the user `edited` it).
int send_digest(const Digest& d, const email::Message& m, bool edited, Context& ctx);

}  // namespace upward::cmd
