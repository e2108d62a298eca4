#pragma once
// E-mail as the digests are sent (docs/digest.md §2): address checks for rosters and config,
// RFC 2047 encoded words for headers, Base64 bodies, RFC 5322 dates, stable Message-IDs, and
// one whole MIME message. Pure: no clock, no network, no files.
#include <optional>
#include <string>
#include <string_view>

namespace dormlink::mail {

// Why `address` is not an address dormlink sends to, or nullopt when it is one: ASCII
// local@domain, at most 254 characters, no spaces, quotes, brackets or commas, a domain of
// letters, digits and hyphens with at least one dot (or "localhost"). The reason is a clause in
// the message language (docs/messages.md) that follows "it" ("it has no @"); it never repeats
// the value (an address is personal data).
std::optional<std::string> address_problem(std::string_view address);

// The characters an address may hold before the @ (letters, digits, !#$%&*+-/=?^_{|}~.) and
// after it (letters, digits, '-' and '.'): what address_problem accepts and what messages scrub.
bool is_local_char(char c);
bool is_domain_char(char c);

// The domain of a valid address ("a@b.cn" -> "b.cn").
std::string_view domain_of(std::string_view address);

// A header value: printable ASCII as is; anything else as RFC 2047 words
// "=?UTF-8?B?...?=" of at most 75 characters, never splitting a UTF-8 character, folded
// with `eol` and a space between words.
std::string encode_words(std::string_view text, std::string_view eol = "\r\n");

// Base64 of `data` in lines of 76 characters, each ended by `eol`.
std::string base64_lines(std::string_view data, std::string_view eol = "\r\n");

// "Tue, 24 Nov 2026 21:00:00 +0800" from the local wall time "YYYY-MM-DD HH:MM:SS" and the
// same instant in seconds since the epoch (their difference is the zone's offset).
std::string rfc5322_date(std::string_view local_timestamp, long long epoch_seconds);

// "<digest.2026-11-24.5f3a9c0d12e4b7a8@college.example>": the same recipient key and date
// always give the same id (a resent digest is recognisably the same message).
std::string digest_message_id(std::string_view recipient_key, std::string_view as_of, std::string_view domain);

struct Message {
  std::string from;        // address; no From header when empty (sendmail fills it in)
  std::string to;          // address
  std::string to_name;     // display name, may be Chinese; empty for none
  std::string subject;     // UTF-8
  std::string date;        // rfc5322_date
  std::string message_id;  // digest_message_id
  std::string body;        // UTF-8 text, lines ended by '\n'
};

// The whole message: headers (From, To, Subject, Date, Message-ID, MIME-Version,
// Content-Type text/plain UTF-8, Content-Transfer-Encoding base64, Auto-Submitted), a blank
// line, the Base64 body. Lines end with CRLF when `crlf`, else LF (what sendmail reads).
std::string render(const Message& message, bool crlf);

}  // namespace dormlink::mail
