// dormlink notify and the cron example (docs/digest.md §2): each recipient's digest as a MIME
// message, read back by python3's email parser; the crontab line run under `env -i` with the
// real clock moved to 21:00 by libfaketime and a fake sendmail that keeps what it is given.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "harness.hpp"

using dormlink::e2e::Sandbox;

namespace {

using dormlink::e2e::college_args;

// A sandbox holding a copy of the week-12 example college and its config.
void copy_college(const Sandbox& box) {
  std::filesystem::copy_file(dormlink::e2e::example_college_db(), box.path("college.db"));
  box.copy_from_source("examples/dormlink.toml", "dormlink.toml");
}

// A sendmail that stores each message (and its arguments) in DIR, exiting with `status`.
void write_fake_sendmail(const Sandbox& box, const std::string& dir, int status = 0) {
  std::filesystem::create_directories(box.path(dir));
  box.write("sendmail", "#!/bin/sh\nn=$(ls '" + box.path(dir) + "' | grep -c eml)\n" + "printf '%s\\n' \"$@\" > '" +
                            box.path(dir) + "/args'\ncat > '" + box.path(dir) + "/msg'$n.eml\nexit " +
                            std::to_string(status) + "\n");
  std::filesystem::permissions(box.path("sendmail"), std::filesystem::perms::owner_all);
}

// Reads every message of DIR with python3's email parser; for each, DIR/msgN.to, .subject,
// .body (decoded) and .headers (Content-Type, transfer encoding, Message-ID, Date).
void parse_messages(const Sandbox& box, const std::string& dir) {
  box.write("parse.py", R"(import email, email.policy, glob, sys
for path in sorted(glob.glob(sys.argv[1] + '/*.eml')):
    with open(path, 'rb') as f:
        m = email.message_from_binary_file(f, policy=email.policy.default)
    stem = path[:-4]
    open(stem + '.to', 'w').write(m['To'].addresses[0].addr_spec + '\n' + m['To'].addresses[0].display_name)
    open(stem + '.subject', 'w').write(str(m['Subject']))
    open(stem + '.body', 'w').write(m.get_content())
    email.utils.parsedate_to_datetime(m['Date'])
    open(stem + '.headers', 'w').write('\n'.join([m.get_content_type(), m.get_content_charset(),
        m['Content-Transfer-Encoding'], m['Message-ID'], m['MIME-Version'], m['Date']]))
)");
  auto r = box.run_program("/usr/bin/python3", {box.path("parse.py"), box.path(dir)});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
}

std::map<std::string, std::string> crontab_env(const std::string& crontab, std::string& job) {
  std::map<std::string, std::string> env;
  std::istringstream in(crontab);
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    const auto eq = line.find('=');
    if (eq != std::string::npos && line.find(' ') > eq) {
      env[line.substr(0, eq)] = line.substr(eq + 1);
    } else {
      job = line.substr(line.rfind(' ') + 1);  // "0 21 * * * /srv/dormlink/dormlink-notify.sh"
    }
  }
  return env;
}

// Runs the crontab's job as cron would: `env -i` with the crontab's variables (its paths moved
// into the sandbox), at `utc` by the real clock.
dormlink::e2e::Result run_cron(const Sandbox& box, const std::string& utc) {
  std::string job;
  auto env = crontab_env(box.read("crontab"), job);
  REQUIRE(job == "/srv/dormlink/dormlink-notify.sh");
  REQUIRE(env.at("PATH") == "/usr/local/bin:/usr/bin:/bin");
  env["DORMLINK_DB"] = box.path("college.db");
  env["DORMLINK_CONFIG"] = box.path("dormlink.toml");
  env["DORMLINK"] = DORMLINK_BINARY;
  env["DORMLINK_VIA"] = "sendmail:" + box.path("sendmail");
  env["TZ"] = "UTC";  // how faketime reads `utc`; dormlink itself reckons in college.time_zone
  // libfaketime is preloaded before a sanitized binary's runtime (CI's ASan build); env -i would
  // drop the harness's own setting.
  env["ASAN_OPTIONS"] = "verify_asan_link_order=0";
  std::vector<std::string> args{"-i"};
  for (const auto& [k, v] : env) args.push_back(k + "=" + v);
  for (const std::string& a : {std::string("/usr/bin/faketime"), utc, env.at("SHELL"), box.path("job.sh")})
    args.push_back(a);
  return box.run_program("/usr/bin/env", args);
}

}  // namespace

TEST_SUITE("e2e.notify") {
  TEST_CASE("the cron example mails each counselor and branch secretary their own digest, read back by python") {
    Sandbox box;
    copy_college(box);
    box.copy_from_source("examples/cron/crontab.example", "crontab");
    box.copy_from_source("examples/cron/dormlink-notify.sh", "job.sh");
    write_fake_sendmail(box, "sent");
    // What the first evening should say: everything is new (no digest was sent before).
    const auto expected =
        box.run(college_args("2026-11-24", {"check", "--digest", "--for", "counselor:T2024001", "--since-last"}));
    REQUIRE(expected.exit_code == 1);

    auto r = run_cron(box, "2026-11-24 13:00:00");  // 21:00 in Asia/Shanghai
    INFO(r.err);
    CHECK(r.exit_code == 1);  // something is overdue, as check says
    CHECK(r.out.empty());
    CHECK(r.err.empty());
    CHECK(box.read("sent/args") == "-t\n-oi\n");
    parse_messages(box, "sent");
    // Three counselors and four branch secretaries have something to read; 魏平's 2026级 has no
    // members yet, so her digest is empty and she gets no mail.
    int counselors = 0;
    for (int i = 0; i < 7; ++i) {
      const std::string stem = "sent/msg" + std::to_string(i);
      INFO(stem);
      const std::string to = box.read(stem + ".to");
      const std::string headers = box.read(stem + ".headers");
      INFO(headers);
      CHECK(headers.starts_with("text/plain\nutf-8\nbase64\n<digest.2026-11-24."));
      CHECK(headers.find("+0800") != std::string::npos);
      CHECK(box.read(stem + ".subject").find("逾期") != std::string::npos);
      if (to.starts_with("t2024001@college.example\n")) {
        CHECK(to == "t2024001@college.example\n陈逸");
        CHECK(box.read(stem + ".body") == expected.out);
      }
      if (box.read(stem + ".body").find("dormlink check --counselor") != std::string::npos) ++counselors;
    }
    CHECK_FALSE(std::filesystem::exists(box.path("sent/msg7.eml")));
    CHECK(counselors == 3);
    CHECK(box.query_int("college.db", "SELECT count(*) FROM digest_mark") == 7);
    CHECK(box.query_int("college.db", "SELECT count(*) FROM digest_mark WHERE recipient = 'counselor:T2009001'") == 0);

    // The next evening lists as new only what fell due since the last digest.
    std::filesystem::remove_all(box.path("sent"));
    write_fake_sendmail(box, "sent");
    const auto next =
        box.run(college_args("2026-11-25", {"check", "--digest", "--for", "counselor:陈逸", "--since-last"}));
    const auto since =
        box.run(college_args("2026-11-25", {"check", "--digest", "--for", "counselor:陈逸", "--since", "2026-11-24"}));
    CHECK(next.out == since.out);
    r = run_cron(box, "2026-11-25 13:00:00");
    CHECK(r.exit_code == 1);
    parse_messages(box, "sent");
    bool found = false;
    for (int i = 0; i < 7; ++i) {
      const std::string stem = "sent/msg" + std::to_string(i);
      if (box.read(stem + ".to").starts_with("t2024001@")) {
        CHECK(box.read(stem + ".body") == next.out);
        found = true;
      }
    }
    CHECK(found);
    CHECK(box.query_int("college.db", "SELECT count(*) FROM digest_mark WHERE as_of = '2026-11-25'") == 7);
  }

  TEST_CASE("notify: dry run, mbox, the committee, a missing or failing sendmail") {
    Sandbox box;
    copy_college(box);
    const auto dry = box.run(college_args("2026-11-24", {"notify", "--dry-run"}));
    CHECK(dry.exit_code == 1);
    CHECK(std::count(dry.out.begin(), dry.out.end(), '\n') == 7);
    CHECK(dry.out.find("counselor:T2024001 陈逸") != std::string::npos);
    CHECK(dry.out.find('@') == std::string::npos);  // addresses are never printed
    CHECK(box.query_int("college.db", "SELECT count(*) FROM digest_mark") == 0);

    auto r = box.run(college_args("2026-11-24", {"notify", "--via", "mbox:outbox", "--for", "counselor:陈逸"}));
    CHECK(r.exit_code == 1);
    CHECK(std::filesystem::exists(box.path("outbox/01-counselor-T2024001.eml")));
    CHECK(box.query_int("college.db", "SELECT count(*) FROM digest_mark WHERE recipient = 'counselor:T2024001'") == 1);

    for (const std::vector<std::string>& bad : {std::vector<std::string>{"notify"},
                                                {"notify", "--via", "pigeon"},
                                                {"notify", "--via", "mbox:x", "--for", "counselor:nobody"}}) {
      r = box.run(college_args("2026-11-24", bad));
      INFO(r.err);
      CHECK(r.exit_code == 64);
    }
    r = box.run(college_args("2026-11-24", {"notify", "--via", "sendmail:" + box.path("no-such-sendmail")}));
    CHECK(r.exit_code == 69);
    CHECK(r.err.find("default-mta") != std::string::npos);
    write_fake_sendmail(box, "refused", 75);
    r = box.run(college_args(
        "2026-11-24", {"notify", "--via", "sendmail:" + box.path("sendmail"), "--for", "branch:日语系学生党支部"}));
    CHECK(r.exit_code == 74);
    CHECK(r.err.find("branch:日语系学生党支部") != std::string::npos);
    CHECK(r.err.find('@') == std::string::npos);
    CHECK(box.query_int("college.db", "SELECT count(*) FROM digest_mark") == 1);

    // The committee's addresses get the committee's digest: counts, no names.
    box.write("dormlink.toml", box.read("dormlink.toml") +
                                   "\n[notify]\nfrom = \"dormlink@college.example\"\n"
                                   "committee = [\"dangwei@college.example\"]\n");
    r = box.run(college_args("2026-11-24", {"notify", "--via", "mbox:committee", "--for", "committee"}));
    CHECK(r.exit_code == 1);
    parse_messages(box, "committee");
    const std::string body = box.read("committee/01-committee.body");
    CHECK(box.read("committee/01-committee.to").starts_with("dangwei@college.example"));
    CHECK(body.find("陈逸") != std::string::npos);    // counselors are named
    CHECK(body.find("胡馨娅") == std::string::npos);  // members are not
    CHECK(box.read("committee/01-committee.headers").find("@college.example>") != std::string::npos);
  }

  TEST_CASE("with [notify] members = true, each member with an address gets their own digest") {
    Sandbox box;
    copy_college(box);
    // The student roster again, a week later, with an Email column: x<id>@college.example.
    box.copy_from_source("examples/college/students.csv", "plain-students.csv");
    std::istringstream roster(box.read("plain-students.csv"));
    std::string with_email;
    for (std::string line; std::getline(roster, line);) {
      const bool cr = !line.empty() && line.back() == '\r';
      if (cr) line.pop_back();
      const std::string id = line.substr(0, line.find(','));
      line += with_email.empty() ? ",Email" : ",x" + id + "@college.example";
      with_email += line + (cr ? "\r\n" : "\n");
    }
    box.write("students.csv", with_email);
    auto r = box.run(college_args("2026-11-16", {"-q", "import", "students", "students.csv"}));
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    box.write("dormlink.toml", box.read("dormlink.toml") + "\n[notify]\nmembers = true\n");
    const auto dry = box.run(college_args("2026-11-24", {"notify", "--dry-run"}));
    CHECK(dry.exit_code == 1);
    CHECK(dry.out.find("member:2023110101") == std::string::npos);  // 群众: not a member
    REQUIRE(dry.out.find("member:") != std::string::npos);
    // One member's message is her own digest, since nothing was sent before.
    const std::string first =
        dry.out.substr(dry.out.find("member:"), dry.out.find(' ', dry.out.find("member:")) - dry.out.find("member:"));
    r = box.run(college_args("2026-11-24", {"notify", "--via", "mbox:out", "--for", first}));
    CHECK(r.exit_code == 1);
    parse_messages(box, "out");
    const std::string stem = "out/01-member-" + first.substr(7);
    CHECK(box.read(stem + ".to").starts_with("x" + first.substr(7) + "@college.example"));
    const auto own = box.run(college_args("2026-11-24", {"check", "--digest", "--for", first, "--since-last"}));
    CHECK(box.read(stem + ".body") == own.out);
  }

  TEST_CASE("an e-mail column is checked on import, never shown in messages and exported only when asked") {
    Sandbox box;
    dormlink::e2e::setup_example_college(box);
    std::string staff = box.read("staff.csv");
    const auto pos = staff.find("t2024001@college.example");
    REQUIRE(pos != std::string::npos);
    staff.replace(pos, 24, "t2024001 at college.example");
    box.write("bad-staff.csv", staff);
    auto r = box.run({"--db", "college.db", "--as-of", "2026-09-08", "import", "staff", "bad-staff.csv"});
    CHECK(r.exit_code == 65);
    CHECK(r.err.find("bad-staff.csv:2") != std::string::npos);
    CHECK(r.err.find("邮箱") != std::string::npos);
    CHECK(r.err.find("college.example") == std::string::npos);

    // [notify] addresses are checked too, and not echoed.
    box.write("dormlink.toml",
              box.read("dormlink.toml") + "\n[notify]\ncommittee = [\"dangwei(at)college.example\"]\n");
    r = box.run({"--db", "college.db", "check"});
    CHECK(r.exit_code == 78);
    CHECK(r.err.find("notify.committee[1]") != std::string::npos);
    CHECK(r.err.find("dangwei") == std::string::npos);
  }
}
