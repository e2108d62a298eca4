#include <doctest/doctest.h>

#include <string>

#include "dormlink/mail/message.hpp"

namespace dormlink::mail {

TEST_SUITE("mail") {
  TEST_CASE("address_problem accepts plain addresses and refuses the rest without echoing them") {
    CHECK_FALSE(address_problem("chen.yi@college.example"));
    CHECK_FALSE(address_problem("t2024001+digest@mail.zju.edu.cn"));
    CHECK_FALSE(address_problem("dormlink@localhost"));
    for (const char* bad :
         {"", "chenyi", "@college.example", "chen yi@college.example", "陈逸@college.example", "a@b", "a@-b.cn",
          "a@b..cn", ".a@b.cn", "a..b@b.cn", "\"a\"@b.cn", "a,b@c.cn", "a@b_c.cn", "<a@b.cn>"}) {
      CAPTURE(bad);
      auto problem = address_problem(bad);
      REQUIRE(problem);
      if (std::string(bad).size() > 3) CHECK(problem->find(bad) == std::string::npos);
    }
    CHECK(address_problem(std::string(250, 'a') + "@b.cn"));
  }

  TEST_CASE("encode_words leaves ASCII alone and encodes UTF-8 in words of at most 75 characters") {
    CHECK(encode_words("dormlink digest") == "dormlink digest");
    CHECK(encode_words("陈逸") == "=?UTF-8?B?6ZmI6YC4?=");
    const std::string long_subject = "dormlink 11月24日：逾期 32 项（新增 3），其中事件报告 2 项未按时上报，请及时处理";
    const std::string encoded = encode_words(long_subject, "\n");
    std::size_t start = 0;
    int words = 0;
    while (start < encoded.size()) {
      auto end = encoded.find('\n', start);
      if (end == std::string::npos) end = encoded.size();
      std::string word = encoded.substr(start, end - start);
      if (word.front() == ' ') word.erase(0, 1);
      CHECK(word.size() <= 75);
      CHECK(word.rfind("=?UTF-8?B?", 0) == 0);
      ++words;
      start = end + 1;
    }
    CHECK(words >= 2);
    CHECK(encode_words("a =?x?= b").rfind("=?UTF-8?B?", 0) == 0);
  }

  TEST_CASE("base64_lines wraps at 76 and matches known vectors") {
    CHECK(base64_lines("foobar", "\n") == "Zm9vYmFy\n");
    CHECK(base64_lines("fo", "\n") == "Zm8=\n");
    const std::string lines = base64_lines(std::string(200, 'x'), "\r\n");
    CHECK(lines.find("\r\n") == 76);
  }

  TEST_CASE("rfc5322_date reads the offset from the wall time and the instant") {
    // 2026-11-24 21:00:00 in Shanghai is 13:00:00 UTC.
    const long long epoch = 1795525200LL;
    CHECK(rfc5322_date("2026-11-24 21:00:00", epoch) == "Tue, 24 Nov 2026 21:00:00 +0800");
    CHECK(rfc5322_date("2026-11-24 13:00:00", epoch) == "Tue, 24 Nov 2026 13:00:00 +0000");
    CHECK(rfc5322_date("2026-11-24 08:00:00", epoch) == "Tue, 24 Nov 2026 08:00:00 -0500");
  }

  TEST_CASE("digest_message_id is stable per recipient and date") {
    const auto a = digest_message_id("counselor:T2024001", "2026-11-24", "college.example");
    CHECK(a == digest_message_id("counselor:T2024001", "2026-11-24", "college.example"));
    CHECK(a != digest_message_id("counselor:T2024002", "2026-11-24", "college.example"));
    CHECK(a.rfind("<digest.2026-11-24.", 0) == 0);
    CHECK(a.ends_with("@college.example>"));
  }

  TEST_CASE("render writes MIME headers and a Base64 body") {
    Message m{"dormlink@college.example",        "chen.yi@college.example",    "陈逸",  "dormlink 11月24日",
              "Tue, 24 Nov 2026 21:00:00 +0800", "<digest.x@college.example>", "今晚\n"};
    const std::string text = render(m, true);
    CHECK(text.find("From: dormlink <dormlink@college.example>\r\n") != std::string::npos);
    CHECK(text.find("To: =?UTF-8?B?6ZmI6YC4?= <chen.yi@college.example>\r\n") != std::string::npos);
    CHECK(text.find("Content-Type: text/plain; charset=UTF-8\r\n") != std::string::npos);
    CHECK(text.find("Content-Transfer-Encoding: base64\r\nAuto-Submitted: auto-generated\r\n\r\n") !=
          std::string::npos);
    CHECK(text.ends_with("5LuK5pmaCg==\r\n"));
    m.from.clear();
    CHECK(render(m, false).find("From:") == std::string::npos);
  }
}

}  // namespace dormlink::mail
