#include "fuzzreaders.h"

#include "interchange/csvreader.h"
#include "interchange/formatregistry.h"
#include "interchange/interchange.h"
#include "model/partialdate.h"
#include "store/store.h"

namespace chronomap {

QStringList fuzzReaders()
{
    // Every format the registry can read, the spreadsheet family as a whole, and EDTF dates.
    return readableFormats() << csvFamily() << QStringLiteral("edtf");
}

bool fuzzRead(const QString& reader, const QByteArray& bytes, Store& store)
{
    const QString name = QStringLiteral("fuzz-input");
    // Whatever a reader accepts is written and then rolled back, so the story stays empty and
    // every input meets the same store.
    Store::Transaction never(store);
    try {
        if (reader == csvFamily()) {
            const CsvTable t = readCsv(bytes, name);
            // Every spreadsheet reader sees every table.
            for (const FileFormat& f : fileFormats()) {
                if (!f.isTable())
                    continue;
                try {
                    applyImport(store, f.readTable(t, name), name);
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
            applyParsedImport(store, parseImportBytes(bytes, name, reader));
        }
    } catch (const StoreError&) {
        return false;
    }
    return true;
}

} // namespace chronomap
