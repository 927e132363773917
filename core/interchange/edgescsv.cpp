#include "cancellation.h"
#include "csvreader.h"
#include "graphformats.h"

#include "store/store.h"

#include <QCoreApplication>
#include <QHash>
#include <QRegularExpression>

#include <cmath>

namespace chronomap {

bool isEdgesTable(const CsvTable& table)
{
    return table.column(QStringLiteral("source")) >= 0 &&
           table.column(QStringLiteral("target")) >= 0;
}

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
    const int source = t.column(QStringLiteral("source")),
              target = t.column(QStringLiteral("target"));
    if (source < 0 || target < 0)
        throw StoreError(QCoreApplication::translate(
                             "chronomap::EdgesCsvReader",
                             "%1:1:1: the columns \"source\" and \"target\" are required; "
                             "expected a header such as source,target,type,start,end,weight")
                             .arg(fileName));
    const int type = t.column(QStringLiteral("type")), start = t.column(QStringLiteral("start")),
              end = t.column(QStringLiteral("end")), weight = t.column(QStringLiteral("weight")),
              directed = t.column(QStringLiteral("directed")),
              status = t.column(QStringLiteral("status")),
              description = t.column(QStringLiteral("description"));
    ImportBatch batch;
    QHash<QString, Id> actorByName;
    auto actorNamed = [&](const QString& name) {
        const QString key = name.toCaseFolded();
        if (const auto it = actorByName.constFind(key); it != actorByName.constEnd())
            return *it;
        Actor a;
        a.name = name;
        batch.actors.append(a);
        actorByName.insert(key, batch.actors.size());
        return Id(batch.actors.size());
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
        r.type = cell(type);
        r.description = cell(description);
        QString why;
        const QString s = cell(start), e = cell(end);
        if (!s.isEmpty() || !e.isEmpty()) {
            // Start and end bound the time the relation holds, as a GEXF spell does: an empty
            // end means it still holds ("2025-10/.."); one period is written start = end.
            const QString text = s == e ? s
                                        : (s.isEmpty() ? QStringLiteral("..") : s) + u'/' +
                                              (e.isEmpty() ? QStringLiteral("..") : e);
            r.valid = PartialDate::fromEdtf(text, &why);
            if (!r.valid.isValid())
                failAt(row, s.isEmpty() ? end : start,
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
                       QCoreApplication::translate("chronomap::EdgesCsvReader",
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
        batch.relations.append(r);
    }
    return batch;
}

QByteArray writeEdgesCsv(const Store& store)
{
    QHash<Id, QString> names;
    for (const Actor& a : store.actors())
        names.insert(a.id, a.name);
    QByteArray out = kUtf8Bom;
    out += csvRow({QStringLiteral("source"), QStringLiteral("target"), QStringLiteral("type"),
                   QStringLiteral("start"), QStringLiteral("end"), QStringLiteral("weight"),
                   QStringLiteral("directed"), QStringLiteral("status"),
                   QStringLiteral("description")});
    for (const Relation& r : store.relations()) {
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
        out += csvRow({names.value(r.sourceId), names.value(r.targetId), r.type, start, end,
                       QString::number(r.weight, 'g', 17),
                       r.directed ? QStringLiteral("true") : QStringLiteral("false"),
                       verificationName(r.status), r.description});
    }
    return out;
}

} // namespace chronomap
