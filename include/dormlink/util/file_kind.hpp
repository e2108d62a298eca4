#pragma once
// Names the kind of a file from its stat mode, for the one message every input path gives when
// it is not a regular file (a FIFO would block, a device such as /dev/zero never ends).

#include <string>
#include <string_view>

#include "dormlink/error.hpp"

namespace dormlink::util {

// "a directory", "a FIFO (named pipe)", "a character device", "a block device", "a socket",
// "a symbolic link", "a regular file", or "a special file".
std::string_view file_kind(unsigned mode);

// The error for an input that is not a regular file (exit 66): "SUBJECT is not a regular
// file but a FIFO (named pipe); REMEDY". Nothing is read from it.
NotFoundError not_regular_file(std::string_view subject, unsigned mode, std::string_view remedy);

}  // namespace dormlink::util
