#include "edits.h"

#include "story/story.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QSet>

#include <algorithm>
#include <vector>

namespace chronomap {

namespace {

using Step = EditCommand::Step;

Step removal(const Entity& e)
{
    return Step{e, std::nullopt};
}

// Steps that delete `notes` without SQLite's cascade ever running (a cascade down a long thread
// runs into SQLite's trigger depth limit): replies before the notes they answer, so that undo,
// which runs in reverse, re-creates parents first. A hostile or damaged story may hold a thread
// that loops (a note that is its own ancestor, through parent ids); such a loop is first cut
// open at one note (an update that clears its parent), so that every note gets a depth and
// undo puts the loop back exactly as it was. Linear in the number of notes, whatever their
// shape.
void appendNoteRemovals(QList<Annotation> notes, QList<Step>& steps)
{
    const qsizetype n = notes.size();
    QHash<Id, qsizetype> at;
    at.reserve(n);
    for (qsizetype i = 0; i < n; ++i)
        at.insert(notes.at(i).id, i);
    auto parentOf = [&](qsizetype i) { return at.value(notes.at(i).parentId, -1); };

    // Loops: follow each note's parents until a note already seen. 0: not seen, 1: on the path
    // being followed, 2: done.
    std::vector<char> state(std::size_t(n), 0);
    std::vector<qsizetype> path;
    for (qsizetype i = 0; i < n; ++i) {
        path.clear();
        qsizetype c = i;
        while (c >= 0 && state[std::size_t(c)] == 0) {
            state[std::size_t(c)] = 1;
            path.push_back(c);
            c = parentOf(c);
        }
        if (c >= 0 && state[std::size_t(c)] == 1) { // back on this path: a loop through c
            Annotation cut = notes.at(c);
            cut.parentId = 0;
            steps << Step{notes.at(c), cut};
            notes[c] = cut;
        }
        for (qsizetype p : path)
            state[std::size_t(p)] = 2;
    }

    // Depths within the set (a parent outside it counts as none), each note's computed once.
    std::vector<qsizetype> depth(std::size_t(n), -1);
    for (qsizetype i = 0; i < n; ++i) {
        path.clear();
        qsizetype c = i;
        while (c >= 0 && depth[std::size_t(c)] < 0) {
            path.push_back(c);
            c = parentOf(c);
        }
        qsizetype d = c >= 0 ? depth[std::size_t(c)] : -1;
        for (auto it = path.rbegin(); it != path.rend(); ++it)
            depth[std::size_t(*it)] = ++d;
    }
    std::vector<qsizetype> order(static_cast<std::size_t>(n));
    for (qsizetype i = 0; i < n; ++i)
        order[std::size_t(i)] = i;
    std::stable_sort(order.begin(), order.end(), [&](qsizetype a, qsizetype b) {
        return depth[std::size_t(a)] > depth[std::size_t(b)];
    });
    for (qsizetype i : order)
        steps << removal(notes.at(i));
}

// A note and every reply below it, in the whole story (a reply may sit on another entry than
// the note it answers). Each note is visited once, so a thread that loops ends.
QList<Annotation> threadOf(const Store& store, const Annotation& root)
{
    const QList<Annotation> all = store.annotations();
    QHash<Id, QList<qsizetype>> replies;
    for (qsizetype i = 0; i < all.size(); ++i)
        if (all.at(i).parentId)
            replies[all.at(i).parentId].append(i);
    QList<Annotation> thread{root};
    QSet<Id> seen{root.id};
    for (qsizetype q = 0; q < thread.size(); ++q)
        for (qsizetype i : replies.value(thread.at(q).id))
            if (!seen.contains(all.at(i).id)) {
                seen.insert(all.at(i).id);
                thread << all.at(i);
            }
    return thread;
}

// What goes with an entry when it is deleted: its notes and citations.
void appendAttachments(const Store& store, EntityRef ref, QList<Step>& steps)
{
    appendNoteRemovals(store.annotationsOf(ref), steps);
    for (const Citation& c : store.citationsOf(ref))
        steps << removal(c);
}

QString nameOf(const Entity& e)
{
    return std::visit(
        [](const auto& x) -> QString {
            using T = std::decay_t<decltype(x)>;
            if constexpr (std::is_same_v<T, Event> || std::is_same_v<T, Source>)
                return x.title;
            else if constexpr (std::is_same_v<T, Actor> || std::is_same_v<T, Scene>)
                return x.name;
            else if constexpr (std::is_same_v<T, Relation>)
                return x.type;
            else if constexpr (std::is_same_v<T, Citation>)
                return QCoreApplication::translate("chronomap::Edits", "citation");
            else
                return QCoreApplication::translate("chronomap::Edits", "note");
        },
        e);
}

// The undo stack's words for an edit, one whole text per kind of entry so that a translation
// can inflect the kind; %1 is the entry's name.
QString insertText(const Entity& e)
{
    switch (e.index()) {
    case 0:
        return QCoreApplication::translate("chronomap::Edits", "New Event “%1”");
    case 1:
        return QCoreApplication::translate("chronomap::Edits", "New Actor “%1”");
    case 2:
        return QCoreApplication::translate("chronomap::Edits", "New Relation “%1”");
    case 3:
        return QCoreApplication::translate("chronomap::Edits", "New Source “%1”");
    case 4:
        return QCoreApplication::translate("chronomap::Edits", "New Citation “%1”");
    case 5:
        return QCoreApplication::translate("chronomap::Edits", "New Note “%1”");
    default:
        return QCoreApplication::translate("chronomap::Edits", "New Scene “%1”");
    }
}

QString updateText(const Entity& e)
{
    switch (e.index()) {
    case 0:
        return QCoreApplication::translate("chronomap::Edits", "Edit Event “%1”");
    case 1:
        return QCoreApplication::translate("chronomap::Edits", "Edit Actor “%1”");
    case 2:
        return QCoreApplication::translate("chronomap::Edits", "Edit Relation “%1”");
    case 3:
        return QCoreApplication::translate("chronomap::Edits", "Edit Source “%1”");
    case 4:
        return QCoreApplication::translate("chronomap::Edits", "Edit Citation “%1”");
    case 5:
        return QCoreApplication::translate("chronomap::Edits", "Edit Note “%1”");
    default:
        return QCoreApplication::translate("chronomap::Edits", "Edit Scene “%1”");
    }
}

QString deleteText(const Entity& e)
{
    switch (e.index()) {
    case 0:
        return QCoreApplication::translate("chronomap::Edits", "Delete event “%1”");
    case 1:
        return QCoreApplication::translate("chronomap::Edits", "Delete actor “%1”");
    case 2:
        return QCoreApplication::translate("chronomap::Edits", "Delete relation “%1”");
    case 3:
        return QCoreApplication::translate("chronomap::Edits", "Delete source “%1”");
    case 4:
        return QCoreApplication::translate("chronomap::Edits", "Delete citation “%1”");
    case 5:
        return QCoreApplication::translate("chronomap::Edits", "Delete note “%1”");
    default:
        return QCoreApplication::translate("chronomap::Edits", "Delete scene “%1”");
    }
}

} // namespace

EditCommand* makeInsert(Story* story, const Entity& entry)
{
    return new EditCommand(story, insertText(entry).arg(nameOf(entry)),
                           {Step{std::nullopt, entry}});
}

EditCommand* makeUpdate(Story* story, const Entity& after)
{
    const auto before = readEntity(story->store(), keyOf(after));
    if (!before || *before == after)
        return nullptr;
    return new EditCommand(story, updateText(after).arg(nameOf(after)), {Step{before, after}});
}

EditCommand* makePin(Story* story, Id actorId, std::optional<std::pair<double, double>> where)
{
    const auto before = story->store().actor(actorId);
    if (!before)
        return nullptr;
    Actor after = *before;
    after.pinnedX = where ? std::optional<double>(where->first) : std::nullopt;
    after.pinnedY = where ? std::optional<double>(where->second) : std::nullopt;
    if (after == *before)
        return nullptr;
    const QString text =
        where ? QCoreApplication::translate("chronomap::Edits", "Pin actor “%1”")
              : QCoreApplication::translate("chronomap::Edits", "Unpin actor “%1”");
    return new EditCommand(story, text.arg(before->name), {Step{Entity(*before), Entity(after)}});
}

EditCommand* makeUpdateMany(Story* story, const QList<Entity>& afters, const QString& text)
{
    QList<Step> steps;
    for (const Entity& after : afters) {
        const auto before = readEntity(story->store(), keyOf(after));
        if (before && *before != after)
            steps << Step{before, after};
    }
    if (steps.isEmpty())
        return nullptr;
    return new EditCommand(story, text, steps);
}

EditCommand* makeDelete(Story* story, EntityRef ref)
{
    const Store& store = story->store();
    const auto entry = readEntity(store, ref);
    if (!entry)
        return nullptr;
    QList<Step> steps;
    if (ref.kind == EntityKind::Annotation) {
        // The note and every reply below it.
        appendNoteRemovals(threadOf(store, std::get<Annotation>(*entry)), steps);
    } else if (ref.kind == EntityKind::Source) {
        for (const Citation& c : store.citations())
            if (c.sourceId == ref.id)
                steps << removal(c);
        steps << removal(*entry);
    } else if (ref.kind == EntityKind::Actor) {
        // Events keep their other actors: the participation is taken out first so undo puts
        // it back with its role.
        for (Event e : store.eventsOfActor(ref.id)) {
            const Event before = e;
            e.actors.removeIf([&](const Participation& p) { return p.actorId == ref.id; });
            steps << Step{before, e};
        }
        for (const Relation& r : store.relations()) {
            if (r.sourceId != ref.id && r.targetId != ref.id)
                continue;
            appendAttachments(store, {EntityKind::Relation, r.id}, steps);
            steps << removal(r);
        }
        appendAttachments(store, ref, steps);
        steps << removal(*entry);
    } else if (ref.kind == EntityKind::Scene) {
        steps << removal(*entry); // scenes take no notes or citations
    } else {
        appendAttachments(store, ref, steps);
        steps << removal(*entry);
    }
    return new EditCommand(story, deleteText(*entry).arg(nameOf(*entry)), steps);
}

EditCommand* makeDeleteCitation(Story* story, Id citationId)
{
    const auto c = story->store().citation(citationId);
    if (!c)
        return nullptr;
    return new EditCommand(
        story, QCoreApplication::translate("chronomap::Edits", "Remove citation"), {removal(*c)});
}

EditCommand* makeSetStatus(Story* story, const QList<EntityRef>& refs, Verification status)
{
    QList<Step> steps;
    for (EntityRef ref : refs) {
        const auto before = readEntity(story->store(), ref);
        if (!before)
            continue;
        Entity after = *before;
        if (auto* e = std::get_if<Event>(&after))
            e->status = status;
        else if (auto* r = std::get_if<Relation>(&after))
            r->status = status;
        else
            continue;
        if (after != *before)
            steps << Step{before, after};
    }
    if (steps.isEmpty())
        return nullptr;
    const QString name = verificationLabel(status);
    return new EditCommand(
        story,
        steps.size() == 1 ? QCoreApplication::translate("chronomap::Edits", "Mark “%1” %2")
                                .arg(nameOf(*steps[0].before), name)
                          : QCoreApplication::translate("chronomap::Edits", "Mark %1 entries %2")
                                .arg(steps.size())
                                .arg(name),
        steps);
}

EditCommand* makeAnnotate(Story* story, EntityRef target, const QString& body, Id parentId)
{
    Annotation a;
    a.target = target;
    a.parentId = parentId;
    a.author = story->author();
    a.body = body;
    a.created = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
    return new EditCommand(story,
                           parentId
                               ? QCoreApplication::translate("chronomap::Edits", "Reply to a note")
                               : QCoreApplication::translate("chronomap::Edits", "Add a note"),
                           {Step{std::nullopt, a}});
}

EditCommand* makeResolve(Story* story, Id annotationId, bool resolved)
{
    auto a = story->store().annotation(annotationId);
    if (!a || a->resolved == resolved)
        return nullptr;
    const Annotation before = *a;
    a->resolved = resolved;
    return new EditCommand(story,
                           resolved
                               ? QCoreApplication::translate("chronomap::Edits", "Resolve a note")
                               : QCoreApplication::translate("chronomap::Edits", "Reopen a note"),
                           {Step{before, *a}});
}

EditCommand* makeCite(Story* story, EntityRef target, Id sourceId, const QString& quote,
                      const QString& locator)
{
    Citation c;
    c.sourceId = sourceId;
    c.target = target;
    c.quote = quote;
    c.locator = locator;
    const auto s = story->store().source(sourceId);
    return new EditCommand(
        story,
        QCoreApplication::translate("chronomap::Edits", "Cite “%1”")
            .arg(s ? s->title : QCoreApplication::translate("chronomap::Edits", "source")),
        {Step{std::nullopt, c}});
}

} // namespace chronomap
