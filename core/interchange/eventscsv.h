#pragma once

#include "importbatch.h"

#include <QByteArray>
#include <QHash>
#include <QString>
#include <QStringList>

namespace chronomap {

class Store;
struct CsvTable;

// Events as a spreadsheet: one row per event, columns
//   id, uid, date, display_date, title, summary, category, tags, importance, location, status,
//   actors
// with the date in EDTF, tags joined by "; " and actors as "Name (role); Name". Written as
// UTF-8 with a byte-order mark; cells a spreadsheet would run as formulas are neutralised.
QByteArray writeEventsCsv(const Store& store);

// Which column feeds which event field, for CSV files whose headers differ from ours.
struct CsvMapping
{
    // Target fields, in the order a form shows them; "title" and "date" are required.
    static QStringList fields();
    static QString fieldLabel(const QString& field);
    QHash<QString, int> columns; // field -> column index; absent: not imported
    int column(const QString& field) const { return columns.value(field, -1); }
};

// A mapping guessed from the header (title/headline/name, date/start/when, end, summary/text,
// category/group, tags, actors/people, ...), case-insensitive.
CsvMapping guessEventMapping(const CsvTable& table);

// Reads events through a mapping. Throws StoreError "file:line:column: column \"X\": what" for
// a missing required column or a bad cell.
ImportBatch readEventsTable(const CsvTable& table, const CsvMapping& mapping,
                            const QString& fileName);

} // namespace chronomap
