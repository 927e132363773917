#include "cancellation.h"
#include "csvreader.h"
#include "graphcommon.h"
#include "timedcells.h"
#include "graphformats.h"
#include "formatregistry.h"

#include "store/store.h"

#include <QCoreApplication>
#include <QHash>
#include <QRegularExpression>

#include <cmath>

namespace chronomap {

namespace {

// The first of the columns named, or -1.
int firstColumn(const CsvTable& t, std::initializer_list<const char*> names)
{
    for (const char* name : names)
        if (const int c = t.column(QLatin1String(name)); c >= 0)
            return c;
    return -1;
}

// The ends of an edge: Gephi's Source and Target, or Kumu's From and To.
std::pair<int, int> endColumns(const CsvTable& t)
{
    const int source = t.column(QStringLiteral("source")),
              target = t.column(QStringLiteral("target"));
    if (source >= 0 && target >= 0)
        return {source, target};
    return {t.column(QStringLiteral("from")), t.column(QStringLiteral("to"))};
}

} // namespace

bool isEdgesTable(const CsvTable& table)
{
    const auto [source, target] = endColumns(table);
    return source >= 0 && target >= 0;
}

namespace {

// Our columns and Gephi's and Kumu's; any other column is kept as a typed attribute.
const QStringList& knownEdgeColumns()
{
    static const QStringList known = {
        QStringLiteral("source"),   QStringLiteral("target"),      QStringLiteral("type"),
        QStringLiteral("start"),    QStringLiteral("end"),         QStringLiteral("weight"),
        QStringLiteral("directed"), QStringLiteral("status"),      QStringLiteral("description"),
        QStringLiteral("id"),       QStringLiteral("label"),       QStringLiteral("kind"),
        QStringLiteral("timeset"),  QStringLiteral("interval"),    QStringLiteral("time set"),
        QStringLiteral("time interval"), QStringLiteral("direction"), QStringLiteral("strength"),
    };
    return known;
}

} // namespace

ImportBatch readEdgesTable(const CsvTable& t, const QString& fileName)
{
    auto failAt = [&](qsizetype row, int col, const QString& what) {
        throw StoreError(
            QCoreApplication::translate("chronomap::EdgesCsvReader", "%1:%2:%3: column \"%4\": %5")
                .arg(fileName)
                .arg(row < 0 ? 1 : t.rowLines.value(row, 1))
                .arg(col + 1)
                .arg(t.header.value(col).trimmed(), what));
    };
    const auto [source, target] = endColumns(t);
    if (source < 0 || target < 0)
        throw StoreError(QCoreApplication::translate(
                             "chronomap::EdgesCsvReader",
                             "%1:1:1: the columns \"source\" and \"target\" are required; "
                             "expected a header such as source,target,type,start,end,weight")
                             .arg(fileName));
    const int type = t.column(QStringLiteral("type")), start = t.column(QStringLiteral("start")),
              end = t.column(QStringLiteral("end")),
              weight = firstColumn(t, {"weight", "strength"}), // Kumu's Strength
              directed = t.column(QStringLiteral("directed")),
              direction = t.column(QStringLiteral("direction")), // Kumu's
              status = t.column(QStringLiteral("status")),
              description = t.column(QStringLiteral("description")),
              id = t.column(QStringLiteral("id")), label = t.column(QStringLiteral("label")),
              kind = t.column(QStringLiteral("kind"));
    int interval = -1;
    for (const char* c : {"timeset", "interval", "time set", "time interval"})
        if (interval < 0)
            interval = t.column(QLatin1String(c));
    // Columns typed by our own export ("Modularity Class:integer").
    QList<std::pair<int, QString>> extra; // column, declared type
    for (int c = 0; c < t.header.size(); ++c) {
        const QString h = t.header.at(c).trimmed();
        const bool unusedStrength = h.toLower() == QLatin1String("strength") && c != weight;
        if (c != source && c != target &&
            (!knownEdgeColumns().contains(h.toLower()) || unusedStrength))
            extra.append({c, QString()});
    }
    // Endpoints are the node ids of the file: with a node table beside it they name the actors
    // it made; alone they are the actors' names.
    GraphBuilder g(QStringLiteral("csv"));
    auto actorNamed = [&](const QString& name) {
        if (!g.hasNode(name)) {
            Actor a;
            a.name = name;
            a.kindKnown = false;
            g.addNode(name, a);
        }
        return g.node(name);
    };
    for (qsizetype row = 0; row < t.rows.size(); ++row) {
        if ((row & 4095) == 4095)
            checkCancelled(fileName);
        const auto cell = [&](int col) { return unneutralised(t.cell(row, col).trimmed()); };
        Relation r;
        const QString from = cell(source), to = cell(target);
        if (from.isEmpty())
            failAt(row, source,
                   QCoreApplication::translate("chronomap::EdgesCsvReader",
                                               "expected an actor's name, found an empty cell"));
        if (to.isEmpty())
            failAt(row, target,
                   QCoreApplication::translate("chronomap::EdgesCsvReader",
                                               "expected an actor's name, found an empty cell"));
        r.sourceId = actorNamed(from);
        r.targetId = actorNamed(to);
        // Gephi's Type says the direction; any other Type is the relation's type, as in Kumu.
        const QString typeCell = cell(type);
        bool typeIsDirection = false;
        if (typeCell.compare(QLatin1String("directed"), Qt::CaseInsensitive) == 0) {
            r.directed = true;
            typeIsDirection = true;
        } else if (typeCell.compare(QLatin1String("undirected"), Qt::CaseInsensitive) == 0) {
            r.directed = false;
            typeIsDirection = true;
        }
        // Kumu's Direction: directed, undirected or mutual (both ways: no one direction).
        if (const QString d = cell(direction); !d.isEmpty()) {
            if (d.compare(QLatin1String("directed"), Qt::CaseInsensitive) == 0)
                r.directed = true;
            else if (d.compare(QLatin1String("undirected"), Qt::CaseInsensitive) == 0 ||
                     d.compare(QLatin1String("mutual"), Qt::CaseInsensitive) == 0)
                r.directed = false;
        }
        r.type = typeIsDirection ? QString() : typeCell;
        if (r.type.isEmpty())
            r.type = cell(label);
        else if (!cell(label).isEmpty())
            setAttribute(r.attributes, QStringLiteral("Label"),
                         Attribute{QString(), AttributeType::String, cell(label)});
        if (r.type.isEmpty())
            r.type = cell(kind);
        else if (!cell(kind).isEmpty())
            setAttribute(r.attributes, QStringLiteral("Kind"), guessedValue(cell(kind)));
        r.description = cell(description);
        QString why;
        QString s = cell(start), e = cell(end);
        if (s.isEmpty() && e.isEmpty() && !cell(interval).isEmpty()) {
            QString rest;
            if (!parseGephiInterval(cell(interval), s, e, rest))
                failAt(row, interval,
                       QCoreApplication::translate(
                           "chronomap::EdgesCsvReader",
                           "expected an interval such as [2016-02-03, 2016-02-04], found \"%1\"")
                           .arg(cell(interval)));
            if (!rest.isEmpty())
                setAttribute(r.attributes, QStringLiteral("timeset"),
                             Attribute{QString(), AttributeType::String, cell(interval)});
        }
        if (!s.isEmpty() || !e.isEmpty()) {
            // Start and end bound the time the relation holds, as a GEXF spell does: an empty
            // end means it still holds ("2025-10/.."); one period is written start = end.
            const QString text = s == e ? s
                                        : (s.isEmpty() ? QStringLiteral("..") : s) + u'/' +
                                              (e.isEmpty() ? QStringLiteral("..") : e);
            r.valid = PartialDate::fromEdtf(text, &why);
            if (!r.valid.isValid())
                failAt(row, s.isEmpty() ? (end >= 0 ? end : interval) : (start >= 0 ? start : interval),
                       QCoreApplication::translate(
                           "chronomap::EdgesCsvReader",
                           "expected an EDTF date such as 2025-10 or 2025-10-24: %1")
                           .arg(why));
        }
        if (QString w = cell(weight); !w.isEmpty()) {
            // Spreadsheets in locales that separate fields with ';' write "2,5" for 2.5.
            static const QRegularExpression decimalComma(QStringLiteral("^[-+]?[0-9]+,[0-9]+$"));
            if (t.separator == u';' && decimalComma.match(w).hasMatch())
                w.replace(u',', u'.');
            bool ok = false;
            r.weight = w.toDouble(&ok);
            if (!ok || !std::isfinite(r.weight))
                failAt(row, weight,
                       w.startsWith(u'<')
                           ? QCoreApplication::translate(
                                 "chronomap::EdgesCsvReader",
                                 "expected a number; timed weights such as \"%1\" are not "
                                 "read (a relation has one weight)")
                                 .arg(w)
                           : QCoreApplication::translate("chronomap::EdgesCsvReader",
                                                         "expected a number, found \"%1\"")
                                 .arg(w));
        }
        if (const QString d = cell(directed).toLower(); !d.isEmpty()) {
            if (d != QLatin1String("true") && d != QLatin1String("false") &&
                d != QLatin1String("1") && d != QLatin1String("0") && d != QLatin1String("yes") &&
                d != QLatin1String("no"))
                failAt(row, directed,
                       QCoreApplication::translate("chronomap::EdgesCsvReader",
                                                   "expected true or false, found \"%1\"")
                           .arg(d));
            r.directed =
                d == QLatin1String("true") || d == QLatin1String("1") || d == QLatin1String("yes");
        }
        if (const QString st = cell(status).toLower(); !st.isEmpty()) {
            if (!verificationFromName(st))
                failAt(row, status,
                       QCoreApplication::translate(
                           "chronomap::EdgesCsvReader",
                           "expected draft, confirmed, disputed or cleared, found \"%1\"")
                           .arg(st));
            r.status = *verificationFromName(st);
        }
        for (const auto& [c, declared] : extra) {
            const QString v = cell(c);
            if (v.isEmpty())
                continue;
            const auto [name, typeName] = typedHeader(t.header.at(c).trimmed());
            // Timed values come as "<[start, end, value]; ...>" (timedcells.h).
            setAttribute(r.attributes, name, attributeFromCell(typeName, v));
        }
        g.addRelation(r, cell(id));
    }
    g.batch().actorsAreReferences = true;
    g.batch().listsEvents = false;
    return std::move(g.batch());
}

QByteArray writeEdgesCsv(const Store& store)
{
    const QList<Actor> actors = store.actors();
    const QList<Relation> relations = store.relations();
    const QHash<Id, QString> ids = csvNodeIds(actors);
    const auto columns = attributeColumns(relations);
    QByteArray out = kUtf8Bom;
    QStringList header = {QStringLiteral("source"),   QStringLiteral("target"),
                          QStringLiteral("type"),     QStringLiteral("start"),
                          QStringLiteral("end"),      QStringLiteral("weight"),
                          QStringLiteral("directed"), QStringLiteral("status"),
                          QStringLiteral("description")};
    for (const auto& [name, type] : columns)
        header << typedHeaderText(name, type);
    out += csvRow(header);
    for (const Relation& r : relations) {
        // A row naming no actor (a missing one) is one the import refuses.
        if (ids.value(r.sourceId).trimmed().isEmpty() || ids.value(r.targetId).trimmed().isEmpty())
            continue;
        QString start, end;
        if (r.valid.isValid()) {
            const QString edtf = r.valid.edtf();
            const qsizetype slash = edtf.indexOf(u'/');
            start = slash < 0 ? edtf : edtf.left(slash);
            // One period has the same start and end: an empty end reads as "still holds".
            end = slash < 0 ? edtf : edtf.mid(slash + 1);
            if (start == QLatin1String(".."))
                start.clear();
            if (end == QLatin1String(".."))
                end.clear();
        }
        QStringList row = {ids.value(r.sourceId),
                           ids.value(r.targetId),
                           r.type,
                           start,
                           end,
                           QString::number(r.weight, 'g', 17),
                           r.directed ? QStringLiteral("true") : QStringLiteral("false"),
                           verificationName(r.status),
                           r.description};
        for (const auto& [name, type] : columns)
            row << timedCellText(r.attributes, name);
        out += csvRow(row);
    }
    return out;
}

} // namespace chronomap

namespace chronomap {

// Relations, one a row, as Gephi's and Kumu's edge tables.
FileFormat edgesCsvFileFormat()
{
    FileFormat f;
    f.name = QStringLiteral("edges-csv");
    f.origin = QStringLiteral("csv");
    f.label = QT_TRANSLATE_NOOP("chronomap::FileFormat", "Relations (CSV edge list)");
    f.suffixes = {QStringLiteral("csv"), QStringLiteral("tsv"), QStringLiteral("txt")};
    f.aliases = {QStringLiteral("edges")};
    f.claimsTable = isEdgesTable;
    f.readTable = readEdgesTable;
    f.write = writeEdgesCsv;
    return f;
}

} // namespace chronomap
