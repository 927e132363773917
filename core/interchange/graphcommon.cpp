#include "graphcommon.h"

#include <QCoreApplication>

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

bool GraphBuilder::addNode(const QString& fileId, Actor actor)
{
    if (m_nodes.contains(fileId))
        return false;
    m_batch.actors.append(actor);
    m_nodes.insert(fileId, m_batch.actors.size());
    return true;
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
