#include "mediaedits.h"

#include "interchange/timelinejs.h"
#include "story/story.h"

#include <QCoreApplication>

namespace chronomap {

namespace {
bool isMedia(const Citation& c)
{
    return c.locator.section(u'\n', 0, 0) == timelineJsMediaLocator();
}

// The value of one "key: value" line of a media citation's locator.
QString locatorValue(const QString& locator, QLatin1String key)
{
    const QStringList lines = locator.split(u'\n');
    for (qsizetype i = 1; i < lines.size(); ++i)
        if (lines[i].startsWith(key) && lines[i].mid(key.size()).startsWith(QLatin1String(": ")))
            return lines[i].mid(key.size() + 2);
    return {};
}

// The locator with one key set (or removed when empty), the other lines kept as they were.
QString withLocatorValue(const QString& locator, QLatin1String key, const QString& value)
{
    QStringList lines = locator.split(u'\n');
    if (lines.isEmpty() || lines.front() != timelineJsMediaLocator())
        lines.prepend(timelineJsMediaLocator());
    const QString line =
        value.isEmpty() ? QString() : key + QStringLiteral(": ") + QString(value).replace(u'\n', u' ');
    bool done = false;
    for (qsizetype i = 1; i < lines.size(); ++i)
        if (lines[i].startsWith(key) && lines[i].mid(key.size()).startsWith(QLatin1String(": "))) {
            if (line.isEmpty())
                lines.removeAt(i--);
            else
                lines[i] = line;
            done = true;
        }
    if (!done && !line.isEmpty())
        lines << line;
    return lines.join(u'\n');
}

QString mediaTitle(const EventMedia& m)
{
    return !m.caption.isEmpty()  ? m.caption
           : !m.url.isEmpty()    ? m.url
           : !m.credit.isEmpty() ? m.credit
                                 : QCoreApplication::translate("chronomap::Edits", "Media");
}
} // namespace

EventMedia mediaOf(const Store& store, Id eventId, Id* citationId)
{
    if (citationId)
        *citationId = 0;
    for (const Citation& c : store.citationsOf(EntityRef{EntityKind::Event, eventId})) {
        if (!isMedia(c))
            continue;
        EventMedia m;
        m.caption = c.quote;
        m.thumbnail = locatorValue(c.locator, QLatin1String("thumbnail"));
        if (const auto s = store.source(c.sourceId)) {
            m.url = s->url;
            m.credit = s->publisher;
            m.alt = s->text; // TimelineJS import keeps the alt text as the source's text
        }
        if (citationId)
            *citationId = c.id;
        return m;
    }
    return {};
}

EditCommand* makeSetMedia(Story* story, Id eventId, const EventMedia& media)
{
    const Store& store = story->store();
    Id citationId = 0;
    const EventMedia now = mediaOf(store, eventId, &citationId);
    if (!citationId || now == media)
        return nullptr;
    const Citation before = *store.citation(citationId);
    const QString text = QCoreApplication::translate("chronomap::Edits", "Edit media of “%1”")
                             .arg(store.eventTitle(eventId));
    if (media.isEmpty())
        return new EditCommand(story, text, {EditCommand::Step{Entity(before), std::nullopt}});
    QList<EditCommand::Step> steps;
    if (const auto source = store.source(before.sourceId)) {
        Source after = *source;
        after.url = media.url;
        after.publisher = media.credit;
        after.text = media.alt;
        if (after.title.isEmpty() || after.title == mediaTitle(now))
            after.title = mediaTitle(media);
        if (after != *source)
            steps << EditCommand::Step{Entity(*source), Entity(after)};
    }
    Citation after = before;
    after.quote = media.caption;
    after.locator = withLocatorValue(after.locator, QLatin1String("thumbnail"), media.thumbnail);
    if (after != before)
        steps << EditCommand::Step{Entity(before), Entity(after)};
    if (steps.isEmpty())
        return nullptr;
    return new EditCommand(story, text, steps);
}

EditCommand* makeMediaSource(Story* story, const EventMedia& media)
{
    Source s;
    s.title = mediaTitle(media);
    s.url = media.url;
    s.publisher = media.credit;
    s.text = media.alt;
    return new EditCommand(
        story, QCoreApplication::translate("chronomap::Edits", "New Source “%1”").arg(s.title),
        {EditCommand::Step{std::nullopt, Entity(s)}});
}

EditCommand* makeMediaCitation(Story* story, Id eventId, Id sourceId, const EventMedia& media)
{
    Citation c;
    c.sourceId = sourceId;
    c.target = EntityRef{EntityKind::Event, eventId};
    c.quote = media.caption;
    c.locator = withLocatorValue(timelineJsMediaLocator(), QLatin1String("thumbnail"),
                                 media.thumbnail);
    return new EditCommand(story,
                           QCoreApplication::translate("chronomap::Edits", "Add media to “%1”")
                               .arg(story->store().eventTitle(eventId)),
                           {EditCommand::Step{std::nullopt, Entity(c)}});
}

} // namespace chronomap
