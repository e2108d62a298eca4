#pragma once
// --format pdf (docs/html.md "PDF"): dormlink never writes PDF itself; headless Chromium prints
// the report's HTML page. The program is $DORMLINK_CHROMIUM, else /usr/bin/chromium (Debian's
// chromium package), run with posix_spawn (never a shell) in a private temporary folder that
// is removed whatever happens.

#include <string>

#include "cli/context.hpp"

namespace dormlink::cli {

// Before anything is built or written: a Chromium that is missing or cannot be run is an
// UnavailableError (exit 69) saying which package to install, or to use --format html.
void require_chromium(Context& ctx);

// The HTML page printed to A4 PDF: the PDF's bytes. Throws UnavailableError as
// require_chromium, IoError when Chromium fails (naming its exit code) or what it wrote is no
// PDF.
std::string print_pdf(Context& ctx, const std::string& html);

// print_pdf written to `out_path` as every output is (write_output_file: mode 0600, in place
// atomically, refusing the database, the config and, without `force`, an existing file).
void write_pdf(Context& ctx, const std::string& html, const std::string& out_path, bool force = false);

}  // namespace dormlink::cli
