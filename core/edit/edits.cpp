#include "edits.h"

#include "story/story.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>

#include <algorithm>

namespace chronomap {

namespace {

using Step = EditCommand::Step;

Step removal(const Entity& e)
{
    return Step{e, std::nullopt};
}

// Notes on a target, replies before the notes they answer (deleting a parent would take the
// reply with it; undo re-creates parents first because it runs in reverse).
QList<Annotation> notesDeepestFirst(QList<Annotation> notes)
{
    QHash<Id, Id> parent;
    for (const Annotation& a : notes)
        parent.insert(a.id, a.parentId);
    auto depth = [&](Id id) {
        int d = 0;
        for (Id p = parent.value(id); p && d < 1000; p = parent.value(p))
            ++d;
        return d;
    };
    std::stable_sort(notes.begin(), notes.end(), [&](const Annotation& a, const Annotation& b) {
        return depth(a.id) > depth(b.id);
    });
    return notes;
}

// What goes with an entry when it is deleted: its notes and citations.
void appendAttachments(const Store& store, EntityRef ref, QList<Step>& steps)
{
    for (const Annotation& a : notesDeepestFirst(store.annotationsOf(ref)))
        steps << removal(a);
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
        const Annotation root = std::get<Annotation>(*entry);
        QList<Annotation> thread;
        QSet<Id> inThread{root.id};
        const QList<Annotation> all = store.annotationsOf(root.target);
        for (bool grew = true; grew;) {
            grew = false;
            for (const Annotation& a : all)
                if (a.parentId && inThread.contains(a.parentId) && !inThread.contains(a.id)) {
                    inThread.insert(a.id);
                    thread << a;
                    grew = true;
                }
        }
        thread << root;
        for (const Annotation& a : notesDeepestFirst(thread))
            steps << removal(a);
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
