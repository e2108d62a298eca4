#include "lxw.hpp"

#include <dlfcn.h>

#include <fmt/format.h>

#include "dormlink/error.hpp"
#include "messages.hpp"

namespace dormlink::xlsx::detail {
namespace {

#ifndef DORMLINK_XLSXWRITER_SONAME
#define DORMLINK_XLSXWRITER_SONAME "libxlsxwriter.so.4"
#endif

[[noreturn]] void missing(const std::string& what) { throw Error(ExitCode::internal, msg::no_xlsxwriter(what)); }

Lxw open_library() {
  void* handle = dlopen(DORMLINK_XLSXWRITER_SONAME, RTLD_NOW | RTLD_LOCAL);
  if (handle == nullptr) missing(msg::library_not_found(DORMLINK_XLSXWRITER_SONAME, dlerror()));
  Lxw api;
  // NOLINTBEGIN(cppcoreguidelines-pro-type-reinterpret-cast): dlsym's result is the function
#define DORMLINK_LXW_RESOLVE(name)                                      \
  api.name = reinterpret_cast<decltype(&::name)>(dlsym(handle, #name)); \
  if (api.name == nullptr) missing(msg::library_lacks(DORMLINK_XLSXWRITER_SONAME, #name));
  DORMLINK_LXW_FUNCTIONS(DORMLINK_LXW_RESOLVE)
#undef DORMLINK_LXW_RESOLVE
  // NOLINTEND(cppcoreguidelines-pro-type-reinterpret-cast)
  return api;  // the handle stays open for the life of the process
}

}  // namespace

const Lxw& lxw() {
  static const Lxw api = open_library();
  return api;
}

}  // namespace dormlink::xlsx::detail
