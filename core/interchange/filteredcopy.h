#pragma once

#include <QByteArray>
#include <QString>

namespace chronomap {

class EventFilter;
struct FilterSpec;
class Store;

// Copies what passes `filter` from one story into another, empty one, keeping every id: the
// story's properties, categories, eras and sources whole; the events, actors and relations
// that pass (an event keeps only the participations of actors that pass); the citations and
// notes of what was kept. The data exports write "the filtered story" through it, so the
// table, the charts and a data export hold the same events.
void copyFiltered(const Store& from, const EventFilter& filter, Store& to);

// The bytes of a data export of what passes `filter` (see exportBytes in interchange.h);
// with no filter, the whole story.
QByteArray exportFilteredBytes(const Store& store, const FilterSpec& filter, const QString& format,
                               const QString& path = {});
// Writes it as exportData does (screened, read back, written whole); returns exportData's note.
QString exportFilteredData(const Store& store, const FilterSpec& filter, const QString& format,
                           const QString& path);

} // namespace chronomap
