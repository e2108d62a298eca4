#pragma once
// How `dormlink notify` hands messages over (docs/digest.md §2): to a sendmail program through
// a pipe (posix_spawn, never a shell), or as .eml files in a folder.

#include <string>

namespace dormlink::cli {

struct Via {
  enum class Kind { sendmail, mbox };
  Kind kind = Kind::sendmail;
  std::string target;  // the sendmail program, or the folder of .eml files

  // "sendmail" or "mbox", as recorded in digest_mark.via.
  std::string name() const { return kind == Kind::sendmail ? "sendmail" : "mbox"; }
};

// "sendmail" (/usr/sbin/sendmail), "sendmail:PROGRAM" or "mbox:DIR"; UsageError otherwise.
Via parse_via(const std::string& text);

// Before anything is built: a sendmail program that is missing or not executable is an
// UnavailableError (exit 69) naming the package that provides it; a folder that cannot be
// created is an IoError.
void check_delivery(const Via& via);

// Hands one message over: sendmail reads it (LF line ends) on its standard input with -t -oi;
// mbox writes `DIR/FILE_STEM.eml` (CRLF) atomically, mode 0600. Throws IoError naming
// `who` (never the address) when sendmail exits non-zero or the file cannot be written.
void deliver(const Via& via, const std::string& file_stem, const std::string& message_lf,
             const std::string& message_crlf, const std::string& who);

}  // namespace dormlink::cli
