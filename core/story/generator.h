#pragma once

#include <QString>

#include <functional>

namespace chronomap {

class Store;

struct GenerateOptions
{
    qint64 events = 1000;
    qint64 actors = 100;
    quint64 seed = 1;
    // Called now and then with the share done (0..1); return false to cancel.
    std::function<bool(double)> progress;
};

// Fills an empty story with a deterministic synthetic one for measuring scale: categories,
// actors with scale-free relations (preferential attachment, three links per new actor),
// events of news-length titles over 35 years, a fifth of them ranges, some at month or year
// precision or approximate, each with one to three actors. Same options, same story.
// Throws StoreError; a cancelled run changes nothing.
// Returns how long each phase took, in milliseconds.
struct GenerateTimings
{
    qint64 actorsMs = 0, rowsMs = 0, indexesMs = 0, searchIndexMs = 0;
};
GenerateTimings generateStory(Store& store, const GenerateOptions& options);

} // namespace chronomap
