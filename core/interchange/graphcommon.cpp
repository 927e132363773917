#include "graphcommon.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace chronomap {

QString spellStart(const PartialDate& d)
{
    if (!d.isValid() || (d.flags() & DateFlag::OpenStart))
        return {};
    return PartialDate::isoDay(d.nominalStart());
}

QString spellEnd(const PartialDate& d)
{
    if (!d.isValid() || (d.flags() & DateFlag::OpenEnd))
        return {};
    return PartialDate::isoDay(d.nominalEnd());
}

PartialDate dateFromSpell(const QString& start, const QString& end, QString& why)
{
    const QString s = start.trimmed(), e = end.trimmed();
    if (s.isEmpty() && e.isEmpty())
        return {};
    QString text;
    if (e.isEmpty() || e == s)
        text = s + (e.isEmpty() && !s.isEmpty() ? QStringLiteral("/..") : QString());
    else
        text = (s.isEmpty() ? QStringLiteral("..") : s) + u'/' + e;
    if (e == s)
        text = s;
    PartialDate d = PartialDate::fromEdtf(text, &why);
    if (!d.isValid() && why.isEmpty())
        why = QCoreApplication::translate("chronomap::GraphFormats", "\"%1\" is not a date")
                  .arg(text);
    return d;
}

// A Gephi interval: "[2016-02-03, 2016-02-04]", "<[a, b]>" or "[a, Infinity]"; one interval
// only (Gephi's timesets of several intervals keep the first and the rest as text).
bool parseGephiInterval(const QString& text, QString& start, QString& end, QString& rest)
{
    QString t = text.trimmed();
    if (t.startsWith(u'<') && t.endsWith(u'>'))
        t = t.mid(1, t.size() - 2).trimmed();
    if (!t.startsWith(u'[') && !t.startsWith(u'('))
        return false;
    const qsizetype close = t.indexOf(QRegularExpression(QStringLiteral("[\\])]")));
    if (close < 0)
        return false;
    const QStringList parts = t.mid(1, close - 1).split(u',');
    if (parts.size() != 2)
        return false;
    auto bound = [](QString b) {
        b = b.trimmed();
        if (b.compare(QLatin1String("infinity"), Qt::CaseInsensitive) == 0 ||
            b.compare(QLatin1String("-infinity"), Qt::CaseInsensitive) == 0)
            return QString();
        return b.size() > 10 && b.at(10) == u'T' ? b.left(10) : b;
    };
    start = bound(parts.at(0));
    end = bound(parts.at(1));
    rest = t.mid(close + 1).trimmed();
    if (rest.startsWith(u';'))
        rest = rest.mid(1).trimmed();
    return true;
}

bool GraphBuilder::addNode(const QString& fileId, Actor actor)
{
    if (m_nodes.contains(fileId))
        return false;
    m_batch.actors.append(actor);
    m_batch.actorKeys.append(fileId);
    m_nodes.insert(fileId, m_batch.actors.size());
    return true;
}

void GraphBuilder::addRelation(const Relation& r, const QString& fileId)
{
    QString key = fileId;
    // Files that reuse an edge id (or give none) are keyed by their ends at import.
    if (!key.isEmpty() && m_edgeIds.contains(key))
        key.clear();
    if (!key.isEmpty())
        m_edgeIds.insert(key);
    m_batch.relations.append(r);
    m_batch.relationKeys.append(key);
}

QHash<Id, QString> csvNodeIds(const QList<Actor>& actors)
{
    QHash<QString, int> names;
    for (const Actor& a : actors)
        ++names[a.name];
    QHash<Id, QString> out;
    for (const Actor& a : actors)
        out.insert(a.id, names.value(a.name) == 1 && !a.name.isEmpty()
                             ? a.name
                             : QStringLiteral("a%1").arg(a.id));
    return out;
}

QString typedHeaderText(const QString& name, AttributeType type)
{
    return type == AttributeType::String ? name : name + u':' + attributeTypeName(type);
}

std::pair<QString, QString> typedHeader(const QString& header)
{
    const qsizetype colon = header.lastIndexOf(u':');
    if (colon > 0 && attributeTypeFromName(header.mid(colon + 1)))
        return {header.left(colon), header.mid(colon + 1)};
    return {header, QString()};
}

QString gexfTypeName(AttributeType t)
{
    switch (t) {
    case AttributeType::Integer:
        return QStringLiteral("integer");
    case AttributeType::Double:
        return QStringLiteral("double");
    case AttributeType::Boolean:
        return QStringLiteral("boolean");
    case AttributeType::Date:
        return QStringLiteral("date");
    case AttributeType::List:
        return QStringLiteral("liststring");
    case AttributeType::String:
        break;
    }
    return QStringLiteral("string");
}

QString graphMlTypeName(AttributeType t)
{
    switch (t) {
    case AttributeType::Integer:
        return QStringLiteral("long");
    case AttributeType::Double:
        return QStringLiteral("double");
    case AttributeType::Boolean:
        return QStringLiteral("boolean");
    case AttributeType::Date:
    case AttributeType::List:
    case AttributeType::String:
        break;
    }
    return QStringLiteral("string");
}

void appendExtra(QString& description, const QString& title, const QString& value)
{
    if (value.isEmpty())
        return;
    if (!description.isEmpty())
        description += u'\n';
    description += title + QStringLiteral(": ") + value;
}

} // namespace chronomap
