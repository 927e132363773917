#include "cancellation.h"
#include "csvreader.h"
#include "formatregistry.h"
#include "graphcommon.h"
#include "timedcells.h"
#include "graphformats.h"

#include "store/store.h"

#include <QCoreApplication>
#include <QSet>

#include <cmath>

namespace chronomap {

namespace {

// Columns that make a table an event list, not a node table.
bool hasEventColumns(const CsvTable& t)
{
    for (const char* c : {"date", "year", "start", "start date", "headline", "title", "when"})
        if (t.column(QLatin1String(c)) >= 0)
            return true;
    return false;
}

// The columns this reader knows; the rest are kept as the actor's attributes.
const QStringList& knownColumns()
{
    static const QStringList known = {
        QStringLiteral("id"),    QStringLiteral("label"),       QStringLiteral("name"),
        QStringLiteral("kind"),  QStringLiteral("role"),        QStringLiteral("description"),
        QStringLiteral("color"), QStringLiteral("x"),           QStringLiteral("y"),
    };
    return known;
}

} // namespace

// A node table as Gephi's Data Laboratory writes it (Id, Label, then attribute columns), or as
// a newsroom keeps a list of people: one actor a row.
bool isNodesTable(const CsvTable& t)
{
    if (t.column(QStringLiteral("source")) >= 0 || t.column(QStringLiteral("target")) >= 0 ||
        isEdgesTable(t)) // Kumu's From and To
        return false;
    if (hasEventColumns(t))
        return false;
    return t.column(QStringLiteral("id")) >= 0 || t.column(QStringLiteral("label")) >= 0;
}

ImportBatch readNodesTable(const CsvTable& t, const QString& fileName)
{
    auto failAt = [&](qsizetype row, int col, const QString& what) {
        throw StoreError(
            QCoreApplication::translate("chronomap::NodesCsvReader", "%1:%2:%3: column \"%4\": %5")
                .arg(fileName)
                .arg(row < 0 ? 1 : t.rowLines.value(row, 1))
                .arg(col + 1)
                .arg(t.header.value(col).trimmed(), what));
    };
    const int id = t.column(QStringLiteral("id"));
    int label = t.column(QStringLiteral("label"));
    if (label < 0)
        label = t.column(QStringLiteral("name"));
    if (id < 0 && label < 0)
        throw StoreError(QCoreApplication::translate(
                             "chronomap::NodesCsvReader",
                             "%1:1:1: a node table needs an \"Id\" or a \"Label\" column")
                             .arg(fileName));
    // Kumu's elements sheet says the kind in "Type" (Person, Organization): a Type that names
    // one of ours is the kind, any other is kept as the attribute it is.
    const int kindColumn = t.column(QStringLiteral("kind"));
    const int kind = kindColumn >= 0 ? kindColumn : t.column(QStringLiteral("type"));
    const int role = t.column(QStringLiteral("role")),
              description = t.column(QStringLiteral("description")),
              color = t.column(QStringLiteral("color")), x = t.column(QStringLiteral("x")),
              y = t.column(QStringLiteral("y"));
    // Gephi's node table gives when a node exists as a timeset ("<[2010-01-01, 2012-06-30]>").
    int interval = -1;
    for (const char* c : {"timeset", "interval", "time set", "time interval"})
        if (interval < 0)
            interval = t.column(QLatin1String(c));
    GraphBuilder g;
    for (qsizetype row = 0; row < t.rows.size(); ++row) {
        if ((row & 4095) == 4095)
            checkCancelled(fileName);
        const auto cell = [&](int col) { return unneutralised(t.cell(row, col).trimmed()); };
        Actor a;
        const QString key = id >= 0 ? cell(id) : cell(label);
        if (key.isEmpty())
            failAt(row, id >= 0 ? id : label,
                   QCoreApplication::translate("chronomap::NodesCsvReader",
                                               "expected the node's id, found an empty cell"));
        a.name = label >= 0 ? cell(label) : QString();
        if (a.name.isEmpty())
            a.name = key;
        if (const QString k = cell(kind).toLower(); actorKindFromName(k))
            a.kind = *actorKindFromName(k);
        else
            a.kindKnown = false;
        a.role = cell(role);
        a.description = cell(description);
        if (const QString c = cell(color); !c.isEmpty()) {
            a.color = QColor::fromString(c);
            if (!a.color.isValid())
                failAt(row, color,
                       QCoreApplication::translate("chronomap::NodesCsvReader",
                                                   "expected a colour such as #0072b2, found "
                                                   "\"%1\"")
                           .arg(c));
        }
        bool okX = false, okY = false;
        const double px = cell(x).toDouble(&okX), py = cell(y).toDouble(&okY);
        // The file's layout, where the map starts (as Gephi's viz:position): not a pin.
        if (okX && okY && std::isfinite(px) && std::isfinite(py))
            setFilePosition(a, QPointF(px, py));
        // The first interval of dates is the actor's validity (the rest stays as the text it
        // is); a timeset of abstract steps stays text too.
        bool timesetRead = false;
        if (const QString set = cell(interval); !set.isEmpty()) {
            QString s, e, rest;
            if (!parseGephiInterval(set, s, e, rest))
                failAt(row, interval,
                       QCoreApplication::translate("chronomap::NodesCsvReader",
                                                   "expected an interval such as [2016-02-03, "
                                                   "2016-02-04], found \"%1\"")
                           .arg(set));
            QString why;
            const PartialDate valid = dateFromSpell(s, e, why);
            bool numeric = false;
            s.toDouble(&numeric);
            if (valid.isValid() && !numeric) {
                setAttribute(a.attributes, QStringLiteral("valid"),
                             Attribute{QStringLiteral("valid"), AttributeType::Date, valid.edtf()});
                timesetRead = rest.isEmpty();
            }
        }
        for (int c = 0; c < t.header.size(); ++c) {
            const QString h = t.header.at(c).trimmed();
            if (c == interval && timesetRead)
                continue;
            // A kind that is not one of ours ("journalist") is kept as the text it is.
            if (c == kind ? a.kindKnown : (knownColumns().contains(h.toLower()) || c == label))
                continue;
            const QString v = cell(c);
            if (v.isEmpty())
                continue;
            const auto [name, typeName] = typedHeader(h);
            // Timed values come as "<[start, end, value]; ...>" (timedcells.h).
            setAttribute(a.attributes, name, attributeFromCell(typeName, v));
        }
        if (!g.addNode(key, a))
            failAt(row, id >= 0 ? id : label,
                   QCoreApplication::translate("chronomap::NodesCsvReader",
                                               "the id \"%1\" is used twice")
                       .arg(key));
    }
    g.batch().listsRelations = false;
    g.batch().listsEvents = false;
    return std::move(g.batch());
}

QByteArray writeNodesCsv(const Store& store)
{
    const QList<Actor> actors = store.actors();
    const QHash<Id, QString> ids = csvNodeIds(actors);
    // x and y hold the place (viz:x and viz:y are that place, not columns of their own).
    auto extra = attributeColumns(actors);
    extra.removeIf([](const auto& column) {
        return column.first == QLatin1String("viz:x") || column.first == QLatin1String("viz:y");
    });
    QByteArray out = kUtf8Bom;
    QStringList header = {QStringLiteral("Id"),          QStringLiteral("Label"),
                          QStringLiteral("kind"),        QStringLiteral("role"),
                          QStringLiteral("description"), QStringLiteral("color"),
                          QStringLiteral("x"),           QStringLiteral("y")};
    for (const auto& [name, type] : extra)
        header << typedHeaderText(name, type);
    out += csvRow(header);
    for (const Actor& a : actors) {
        const std::optional<QPointF> at = mapPlace(a);
        QStringList row = {
            ids.value(a.id),
            a.name,
            a.kindKnown ? actorKindName(a.kind) : QString(),
            a.role,
            a.description,
            a.color.isValid()
                ? a.color.name(a.color.alpha() == 255 ? QColor::HexRgb : QColor::HexArgb)
                : QString(),
            at ? QString::number(at->x(), 'g', 17) : QString(),
            at ? QString::number(at->y(), 'g', 17) : QString()};
        for (const auto& [name, type] : extra)
            row << timedCellText(a.attributes, name);
        out += csvRow(row);
    }
    return out;
}

FileFormat nodesCsvFileFormat()
{
    FileFormat f;
    f.name = QStringLiteral("nodes-csv");
    f.origin = QStringLiteral("csv");
    f.label = QT_TRANSLATE_NOOP("chronomap::FileFormat", "Actors (CSV node table)");
    f.suffixes = {QStringLiteral("csv"), QStringLiteral("tsv"), QStringLiteral("txt")};
    f.aliases = {QStringLiteral("nodes")};
    f.claimsTable = isNodesTable;
    f.readTable = readNodesTable;
    f.write = writeNodesCsv;
    return f;
}

} // namespace chronomap
