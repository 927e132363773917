#include "eventcard.h"

#include "i18n/labels.h"
#include "i18n/localdates.h"
#include "store/store.h"

#include <QCoreApplication>
#include <QSet>

namespace chronomap {

QString eventCardDate(const Event& e)
{
    const QString words = e.displayDate.isEmpty() ? localDate(e.date) : e.displayDate;
    const QString edtf = e.date.edtf();
    if (edtf.isEmpty() || words == edtf)
        return words;
    return QCoreApplication::translate("EventCard", "%1 · %2").arg(words, edtf);
}

QString eventCardHtml(const Store& store, Id id)
{
    const auto e = store.event(id);
    if (!e)
        return {};
    QStringList actors;
    for (const Participation& p : e->actors)
        if (const auto a = store.actor(p.actorId))
            actors
                << (p.role.isEmpty()
                        ? a->name
                        : QCoreApplication::translate("EventCard", "%1 (%2)").arg(a->name, p.role));
    // A source quoted twice for one event is still one source.
    QStringList sources;
    QSet<Id> seen;
    for (const Citation& c : store.citationsOf(EntityRef{EntityKind::Event, e->id})) {
        if (seen.contains(c.sourceId))
            continue;
        seen.insert(c.sourceId);
        if (const auto src = store.source(c.sourceId)) {
            const QString title = src->title.trimmed();
            const QString publisher = src->publisher.trimmed();
            if (title.isEmpty() && publisher.isEmpty())
                continue;
            sources
                << (publisher.isEmpty() ? title
                    : title.isEmpty()
                        ? publisher
                        : QCoreApplication::translate("EventCard", "%1, %2").arg(title, publisher));
        }
    }
    QString html = QStringLiteral("<p style='white-space:pre-wrap'><small>%1</small><br/><b>%2</b>")
                       .arg(eventCardDate(*e).toHtmlEscaped(), e->title.toHtmlEscaped());
    if (!actors.isEmpty())
        html += QStringLiteral("<br/>%1").arg(actors.join(QStringLiteral(", ")).toHtmlEscaped());
    if (!sources.isEmpty()) {
        const QString line = sources.size() == 1
                                 ? QCoreApplication::translate("EventCard", "Source: %1")
                                 : QCoreApplication::translate("EventCard", "Sources: %1");
        html += QStringLiteral("<br/><i>%1</i>")
                    .arg(line.arg(sources.join(QStringLiteral("; "))).toHtmlEscaped());
    }
    html +=
        QStringLiteral("<br/><small>%1</small></p>").arg(statusLabel(e->status).toHtmlEscaped());
    return html;
}

} // namespace chronomap
