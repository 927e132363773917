#pragma once

#include "store.h"

namespace chronomap {

// Copies every entry of one story into another, empty one, keeping ids, times and order, so
// that the Chronomap JSON export of both is the same byte for byte. Works between any two
// backends (file to server, server to file, file to file); the writes are one transaction.
void copyStory(const Store& from, Store& to);

// Creates the story at `locator` (a file path or a postgresql:// URL; it must not exist) and
// copies `from` into it. A file left half-written by a failure is removed.
void copyStoryTo(const Store& from, const QString& locator);

} // namespace chronomap
