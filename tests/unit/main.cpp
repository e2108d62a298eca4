#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include "dormlink/language.hpp"

namespace {

// Every test case starts with English messages (the language is process-wide, and a test of
// the command line may leave Chinese behind); a test of Chinese messages sets zh itself.
struct EnglishMessages : doctest::IReporter {
  explicit EnglishMessages(const doctest::ContextOptions&) {}
  void report_query(const doctest::QueryData&) override {}
  void test_run_start() override {}
  void test_run_end(const doctest::TestRunStats&) override {}
  void test_case_start(const doctest::TestCaseData&) override {
    dormlink::set_message_language(dormlink::Language::en);
  }
  void test_case_reenter(const doctest::TestCaseData&) override {
    dormlink::set_message_language(dormlink::Language::en);
  }
  void test_case_end(const doctest::CurrentTestCaseStats&) override {}
  void test_case_exception(const doctest::TestCaseException&) override {}
  void subcase_start(const doctest::SubcaseSignature&) override {}
  void subcase_end() override {}
  void log_assert(const doctest::AssertData&) override {}
  void log_message(const doctest::MessageData&) override {}
  void test_case_skipped(const doctest::TestCaseData&) override {}
};

}  // namespace

REGISTER_LISTENER("english-messages", 1, EnglishMessages);
