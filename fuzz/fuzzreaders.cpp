#include "fuzzreaders.h"

#include "interchange/csvreader.h"
#include "interchange/formatregistry.h"
#include "interchange/interchange.h"
#include "model/partialdate.h"
#include "store/store.h"

#include <optional>

namespace chronomap {

QStringList fuzzReaders()
{
    // Every format the registry can read, the spreadsheet family as a whole, and EDTF dates.
    return readableFormats() << csvFamily() << QStringLiteral("edtf");
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
        if (reader == csvFamily()) {
            const CsvTable t = readCsv(bytes, name);
            // Every spreadsheet reader sees every table.
            for (const FileFormat& f : fileFormats()) {
                if (!f.isTable())
                    continue;
                try {
                    applyImport(store, f.readTable(t, name), name, progress);
                } catch (const StoreError&) {
                }
            }
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
        } else {
            // Any format of the registry, read as the command line reads it.
            applyParsedImport(store, parseImportBytes(bytes, name, reader), progress);
        }
    } catch (const StoreError&) {
        return false;
    }
    return true;
}

} // namespace chronomap
