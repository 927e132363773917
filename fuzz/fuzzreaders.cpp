#include "fuzzreaders.h"

#include "interchange/chronomapjson.h"
#include "interchange/csvreader.h"
#include "interchange/eventscsv.h"
#include "interchange/graphformats.h"
#include "interchange/importbatch.h"
#include "interchange/timelinejs.h"
#include "model/partialdate.h"
#include "store/store.h"

#include <optional>

namespace chronomap {

QStringList fuzzReaders()
{
    return {QStringLiteral("csv"),     QStringLiteral("timelinejs"),    QStringLiteral("gexf"),
            QStringLiteral("graphml"), QStringLiteral("chronomapjson"), QStringLiteral("edtf")};
}

bool fuzzRead(const QString& reader, const QByteArray& bytes, Store& store, FuzzWrite write,
              const ImportProgress& progress)
{
    const QString name = QStringLiteral("fuzz-input");
    // RollBack: whatever a reader accepts is written and then rolled back, so the story stays
    // as it was and every input meets the same store.
    std::optional<Store::Transaction> never;
    if (write == FuzzWrite::RollBack)
        never.emplace(store);
    try {
        if (reader == QLatin1String("csv")) {
            const CsvTable t = readCsv(bytes, name);
            // All three table readers see every table.
            for (int which = 0; which < 3; ++which) {
                try {
                    const ImportBatch b = which == 0 ? readTimelineJsTable(t, name)
                                          : which == 1
                                              ? readEdgesTable(t, name)
                                              : readEventsTable(t, guessEventMapping(t), name);
                    applyImport(store, b, name, progress);
                } catch (const StoreError&) {
                }
            }
        } else if (reader == QLatin1String("timelinejs")) {
            applyImport(store, readTimelineJsJson(bytes, name), name, progress);
        } else if (reader == QLatin1String("gexf")) {
            applyImport(store, readGexf(bytes, name), name, progress);
        } else if (reader == QLatin1String("graphml")) {
            applyImport(store, readGraphMl(bytes, name), name, progress);
        } else if (reader == QLatin1String("chronomapjson")) {
            readStoryJson(store, bytes, name, progress);
        } else if (reader == QLatin1String("edtf")) {
            QString why;
            const PartialDate d = PartialDate::fromEdtf(QString::fromUtf8(bytes), &why);
            if (d.isValid()) {
                // A date we accept must describe itself and parse back to itself.
                (void)d.describe();
                if (!(PartialDate::fromEdtf(d.edtf()) == d))
                    __builtin_trap();
            }
            return d.isValid();
        }
    } catch (const StoreError&) {
        return false;
    }
    return true;
}

} // namespace chronomap
