#include "formatregistry.h"

#include <QCoreApplication>

namespace chronomap {

// Each format describes itself in its own file.
FileFormat timelineJsFileFormat();    // timelinejsreader.cpp
FileFormat timelineJsCsvFileFormat(); // timelinejsreader.cpp
FileFormat eventsCsvFileFormat();     // eventscsv.cpp
FileFormat edgesCsvFileFormat();      // edgescsv.cpp
FileFormat nodesCsvFileFormat();      // nodescsv.cpp
FileFormat gexfFileFormat();          // gexf.cpp
FileFormat graphMlFileFormat();       // graphml.cpp
FileFormat chronomapJsonFileFormat(); // chronomapjsonreader.cpp

const QList<FileFormat>& fileFormats()
{
    // One line per format. Spreadsheet formats are tried in this order on a .csv file: the
    // first whose header check claims the table reads it (events-csv claims any table last).
    static const QList<FileFormat> formats = {
        timelineJsFileFormat(), timelineJsCsvFileFormat(), edgesCsvFileFormat(),
        nodesCsvFileFormat(),   eventsCsvFileFormat(),     gexfFileFormat(),
        graphMlFileFormat(),    chronomapJsonFileFormat(),
    };
    return formats;
}

QString FileFormat::displayName() const
{
    return QCoreApplication::translate("chronomap::FileFormat", label);
}

QString FileFormat::fileFilter() const
{
    QStringList globs;
    for (const QString& s : suffixes)
        globs << QStringLiteral("*.") + s;
    return QStringLiteral("%1 (%2)").arg(displayName(), globs.join(u' '));
}

const FileFormat* fileFormat(const QString& nameOrAlias)
{
    const QString n = nameOrAlias.trimmed().toLower();
    for (const FileFormat& f : fileFormats())
        if (f.name == n || f.aliases.contains(n))
            return &f;
    return nullptr;
}

QStringList readableFormats()
{
    QStringList out;
    for (const FileFormat& f : fileFormats())
        if (f.canRead())
            out << f.name;
    return out;
}

QStringList writableFormats()
{
    QStringList out;
    for (const FileFormat& f : fileFormats())
        if (f.canWrite())
            out << f.name;
    return out;
}

QStringList readableSuffixes()
{
    QStringList out;
    for (const FileFormat& f : fileFormats())
        if (f.canRead())
            for (const QString& s : f.suffixes)
                if (!out.contains(s))
                    out << s;
    return out;
}

QString importFileFilter()
{
    QStringList all;
    for (const QString& s : readableSuffixes())
        all << QStringLiteral("*.") + s;
    QStringList filters;
    filters << QCoreApplication::translate("chronomap::FileFormat", "Importable files (%1)")
                   .arg(all.join(u' '));
    for (const FileFormat& f : fileFormats())
        if (f.canRead())
            filters << f.fileFilter();
    filters << QCoreApplication::translate("chronomap::FileFormat", "All files (*)");
    return filters.join(QStringLiteral(";;"));
}

} // namespace chronomap
