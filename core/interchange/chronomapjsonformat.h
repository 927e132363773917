#pragma once

namespace chronomap {

// The Chronomap JSON format version, shared by its reader and writer: a reader refuses files
// newer than this.
constexpr int kChronomapJsonVersion = 1;

} // namespace chronomap
