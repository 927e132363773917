#include "editcommand.h"

#include "story/story.h"

#include <QCoreApplication>
#include <QHash>
#include <QUndoStack>

namespace chronomap {

namespace {

QString actionOf(const std::optional<Entity>& from, const std::optional<Entity>& to)
{
    const Entity& any = to ? *to : *from;
    const bool citation = std::holds_alternative<Citation>(any);
    const bool note = std::holds_alternative<Annotation>(any);
    if (!from)
        return citation ? QStringLiteral("cite")
               : note   ? QStringLiteral("annotate")
                        : QStringLiteral("insert");
    if (!to)
        return citation ? QStringLiteral("remove citation")
               : note   ? QStringLiteral("delete note")
                        : QStringLiteral("delete");
    // A status change is its own line in the log: who confirmed or disputed what, and when.
    if (const auto* a = std::get_if<Event>(&*from)) {
        Event b = std::get<Event>(*to);
        if (b.status != a->status) {
            b.status = a->status;
            if (b == *a)
                return QStringLiteral("status");
        }
    } else if (const auto* r = std::get_if<Relation>(&*from)) {
        Relation b = std::get<Relation>(*to);
        if (b.status != r->status) {
            b.status = r->status;
            if (b == *r)
                return QStringLiteral("status");
        }
    }
    return citation ? QStringLiteral("update citation")
           : note   ? QStringLiteral("edit note")
                    : QStringLiteral("update");
}

// The one Change an edit emits. Events matter most (the time index follows them); a
// citation-only edit reports the entry it is attached to.
Change changeOf(const QList<std::pair<std::optional<Entity>, std::optional<Entity>>>& moves)
{
    Change c;
    bool inserted = false, removed = false, updated = false;
    for (const auto& [from, to] : moves) {
        const Entity& any = to ? *to : *from;
        if (any.index() != 0)
            continue;
        c.ids << idOf(any);
        (from && to ? updated : from ? removed : inserted) = true;
    }
    if (!c.ids.isEmpty()) {
        c.kind = EntityKind::Event;
        c.action = int(inserted) + int(removed) + int(updated) > 1 ? Change::Action::Reset
                   : inserted                                      ? Change::Action::Inserted
                   : removed                                       ? Change::Action::Removed
                                                                   : Change::Action::Updated;
        if (c.action == Change::Action::Reset)
            c.ids.clear();
        return c;
    }
    const auto& [from, to] = moves.first();
    const Entity& any = to ? *to : *from;
    if (std::holds_alternative<Citation>(any)) {
        const EntityRef target = std::get<Citation>(any).target;
        return Change::of(Change::Action::Updated, target.kind, target.id);
    }
    c.kind = auditRefOf(any).kind;
    if (std::holds_alternative<Annotation>(any))
        c.kind = EntityKind::Annotation;
    for (const auto& [f, t] : moves) {
        const Entity& e = t ? *t : *f;
        if (auditRefOf(e).kind == c.kind || (c.kind == EntityKind::Annotation && e.index() == 5))
            c.ids << idOf(e);
    }
    c.action = !from ? Change::Action::Inserted
               : !to ? Change::Action::Removed
                     : Change::Action::Updated;
    return c;
}

} // namespace

EditCommand::EditCommand(Story* story, const QString& text, QList<Step> steps, QUndoCommand* parent)
    : QUndoCommand(text, parent), m_story(story), m_steps(std::move(steps))
{}

Id EditCommand::createdId() const
{
    for (const Step& s : m_steps)
        if (!s.before && s.after)
            return idOf(*s.after);
    return 0;
}

bool EditCommand::checkCurrent(bool forward)
{
    const Store& store = m_story->store();
    // An entry may be in more than one step (a looping thread is cut open, then deleted): a
    // later step expects what the earlier ones leave, in the order they will run.
    QHash<std::pair<quint64, Id>, std::optional<Entity>> pending;
    const qsizetype n = m_steps.size();
    for (qsizetype k = 0; k < n; ++k) {
        const Step& s = m_steps.at(forward ? k : n - 1 - k);
        const std::optional<Entity>& expected = forward ? s.before : s.after;
        const std::optional<Entity>& other = forward ? s.after : s.before;
        // A new entry not written yet has no id to look for.
        if (!expected && other && idOf(*other) == 0)
            continue;
        const EntryKey key = keyOf(expected ? *expected : *other);
        const std::pair<quint64, Id> slot{quint64(key.type), key.id};
        const auto earlier = pending.constFind(slot);
        const std::optional<Entity> now =
            earlier != pending.constEnd() ? *earlier : readEntity(store, key);
        if (now != expected) {
            const Entity& what = now ? *now : expected ? *expected : *other;
            m_error = (forward ? QCoreApplication::translate(
                                     "chronomap::Edits",
                                     "Cannot redo “%1”: %2 was changed since, in this or another "
                                     "window. Nothing was changed; look at it again and edit it "
                                     "by hand.")
                               : QCoreApplication::translate(
                                     "chronomap::Edits",
                                     "Cannot undo “%1”: %2 was changed since, in this or another "
                                     "window. Nothing was changed; look at it again and edit it "
                                     "by hand."))
                          .arg(text(), describeEntity(what));
            // Who changed it and when, so the editor knows whom to ask.
            if (now && key.type <= 3) // events, actors, relations, sources: EntityKind order
                if (const QString who = m_story->lastChangeBy({EntityKind(key.type), key.id});
                    !who.isEmpty())
                    m_error += u' ' + QCoreApplication::translate("chronomap::Edits",
                                                                  "Last changed by %1.")
                                          .arg(who);
            return false;
        }
        pending.insert(slot, other);
    }
    return true;
}

bool EditCommand::apply(bool forward)
{
    m_error.clear();
    if (m_applied == forward)
        return true;
    if (m_steps.isEmpty()) {
        m_applied = forward;
        return true;
    }
    try {
        if (!checkCurrent(forward))
            return false;
        QList<Step> done = m_steps;
        m_story->applyEdit([&](Store& store, Change& change, QList<ChangeRecord>& audit) {
            QList<std::pair<std::optional<Entity>, std::optional<Entity>>> moves;
            const qsizetype n = done.size();
            for (qsizetype k = 0; k < n; ++k) {
                Step& s = done[forward ? k : n - 1 - k];
                const std::optional<Entity> from = forward ? s.before : s.after;
                std::optional<Entity> to = forward ? s.after : s.before;
                if (!from && to) {
                    const Id id = insertEntity(store, *to);
                    setId(*to, id);
                } else if (from && to) {
                    updateEntity(store, *to);
                } else if (from) {
                    deleteEntity(store, keyOf(*from));
                }
                // Keep what the file made of it (ids, normalised text), so the next check
                // compares like with like.
                if (to)
                    to = readEntity(store, keyOf(*to));
                (forward ? s.after : s.before) = to;
                ChangeRecord rec;
                rec.action = actionOf(from, to);
                rec.target = auditRefOf(to ? *to : *from);
                rec.before = toJsonText(from);
                rec.after = toJsonText(to);
                audit << rec;
                moves.append({from, to});
            }
            change = changeOf(moves);
        });
        m_steps = done;
        m_applied = forward;
        return true;
    } catch (const StoreError& e) {
        m_error = e.message();
        return false;
    }
}

void EditCommand::redo()
{
    EditGuard* guard = EditGuard::of(m_story);
    if (guard->isBlocked())
        return; // an earlier step of this undo/redo failed: the guard restores the stack
    if (!apply(true))
        guard->fail(m_error);
}

void EditCommand::undo()
{
    EditGuard* guard = EditGuard::of(m_story);
    if (guard->isBlocked())
        return;
    if (!apply(false))
        guard->fail(m_error);
}

ChangeValueCommand::ChangeValueCommand(Story* story, const Entity& after, const QString& field,
                                       QUndoCommand* parent)
    : EditCommand(story, QCoreApplication::translate("chronomap::Edits", "Change %1").arg(field),
                  {Step{readEntity(story->store(), keyOf(after)), after}}, parent),
      m_field(field)
{}

bool ChangeValueCommand::mergeWith(const QUndoCommand* other)
{
    const auto* o = dynamic_cast<const ChangeValueCommand*>(other);
    if (!o || o->m_field != m_field || !isApplied() || !o->isApplied() || o->m_steps.size() != 1 ||
        m_steps.size() != 1)
        return false;
    const Step& mine = m_steps.first();
    const Step& theirs = o->m_steps.first();
    if (!mine.after || !theirs.before || !theirs.after || *mine.after != *theirs.before)
        return false;
    m_steps.first().after = theirs.after;
    setObsolete(mine.before == mine.after);
    return true;
}

// ---------------------------------------------------------------------------------------------

EditGuard::EditGuard(Story* story) : QObject(story->undoStack()), m_story(story)
{
    m_lastIndex = story->undoStack()->index();
    connect(story->undoStack(), &QUndoStack::indexChanged, this, &EditGuard::onIndexChanged);
}

EditGuard* EditGuard::of(Story* story)
{
    if (auto* g = story->undoStack()->findChild<EditGuard*>(QString(), Qt::FindDirectChildrenOnly))
        return g;
    return new EditGuard(story);
}

bool EditGuard::push(Story* story, EditCommand* command, QString* error)
{
    if (!command) { // the edit would change nothing
        if (error)
            error->clear();
        return false;
    }
    EditGuard* guard = of(story);
    // Run it first: QUndoStack::push would drop the redo history even if the write failed.
    if (!command->apply(true)) {
        const QString message = command->error();
        delete command;
        if (error)
            *error = message;
        emit guard->failed(message);
        return false;
    }
    story->undoStack()->push(command); // its redo() finds it applied and writes nothing
    if (error)
        error->clear();
    return true;
}

void EditGuard::fail(const QString& message)
{
    if (m_blocked || m_restoring)
        return;
    m_blocked = true;
    m_message = message;
}

void EditGuard::onIndexChanged(int index)
{
    if (m_restoring || !m_blocked) {
        m_lastIndex = index;
        return;
    }
    // Every command between here and the old index is still in the state of the old index
    // (the failed one did not run, the later ones were skipped): moving back writes nothing
    // but the ones that did run.
    m_blocked = false;
    m_restoring = true;
    m_story->undoStack()->setIndex(m_lastIndex);
    m_restoring = false;
    m_lastIndex = m_story->undoStack()->index();
    emit failed(m_message);
}

} // namespace chronomap
