#include "csvreader.h"
#include "formatregistry.h"
#include "timelinejs.h"

namespace chronomap {

// TimelineJS's JSON; a sheet given under this name is read as the sheet (interchange.cpp).
FileFormat timelineJsFileFormat()
{
    FileFormat f;
    f.name = QStringLiteral("timelinejs");
    f.origin = QStringLiteral("timelinejs");
    f.label = QT_TRANSLATE_NOOP("chronomap::FileFormat", "TimelineJS JSON");
    f.suffixes = {QStringLiteral("json")};
    f.sniff = [](const QByteArray& head) {
        QByteArray start = head.left(4096).trimmed();
        if (start.startsWith("\xEF\xBB\xBF"))
            start = start.mid(3).trimmed();
        // Chronomap JSON says so at its top; any other JSON object is taken for TimelineJS.
        return start.startsWith('{') &&
               !(head.contains("\"format\"") && head.contains("\"chronomap\""));
    };
    f.read = readTimelineJsJson;
    f.write = writeTimelineJsJson;
    return f;
}

// TimelineJS's Google Sheets template as CSV.
FileFormat timelineJsCsvFileFormat()
{
    FileFormat f;
    f.name = QStringLiteral("timelinejs-csv");
    f.origin = QStringLiteral("timelinejs");
    f.label = QT_TRANSLATE_NOOP("chronomap::FileFormat", "TimelineJS spreadsheet (CSV)");
    f.suffixes = {QStringLiteral("csv"), QStringLiteral("tsv"), QStringLiteral("txt")};
    f.claimsTable = isTimelineJsTable;
    f.readTable = readTimelineJsTable;
    f.write = writeTimelineJsCsv;
    return f;
}

} // namespace chronomap
