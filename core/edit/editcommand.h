#pragma once

#include "entityjson.h"

#include <QObject>
#include <QUndoCommand>

namespace chronomap {

class Story;

// One undoable edit of a story: a list of steps, each taking one entry from `before` to
// `after` (absent before: an insert; absent after: a delete). Redo runs the steps in order,
// undo runs their inverses in reverse order; either way all steps go through one
// Story::applyEdit, so one edit is one SQLite transaction, one Change and its audit lines.
// Compound edits (a delete that takes citations and notes with it, a status change of many
// entries, a drag of many nodes) are one command and undo as one step.
//
// Before writing, a command checks that every entry is as it expects (after a redo: as it
// left them; before one: as it found them). If another window or process changed one of them
// since, it refuses with a message rather than overwrite the newer edit. A write that fails
// leaves the file and the command as they were (see EditGuard).
class EditCommand : public QUndoCommand
{
public:
    struct Step
    {
        std::optional<Entity> before;
        std::optional<Entity> after;
    };

    EditCommand(Story* story, const QString& text, QList<Step> steps,
                QUndoCommand* parent = nullptr);

    void redo() override;
    void undo() override;

    bool isApplied() const { return m_applied; }
    const QList<Step>& steps() const { return m_steps; }
    // The id of the first entry the command created (after it ran), or 0.
    Id createdId() const;
    // Why the last redo or undo did not run; empty when it did.
    QString error() const { return m_error; }

    // Runs the edit now, outside any undo stack; false (with error()) if it did not.
    bool apply(bool forward);

protected:
    Story* m_story;
    QList<Step> m_steps;

private:
    bool checkCurrent(bool forward);

    bool m_applied = false;
    QString m_error;
};

// Typing in one field of one entry: successive changes of the same field merge into one undo
// step (after Tiled's ChangeValue). `field` names what changed ("title", "summary", ...).
class ChangeValueCommand final : public EditCommand
{
public:
    ChangeValueCommand(Story* story, const Entity& after, const QString& field,
                       QUndoCommand* parent = nullptr);

    int id() const override { return kId; }
    bool mergeWith(const QUndoCommand* other) override;
    QString field() const { return m_field; }

    static constexpr int kId = 0x43564331; // "CVC1"

private:
    QString m_field;
};

// Keeps one story's undo stack honest when a write fails: a command that could not be pushed
// is dropped with the stack untouched, and an undo or redo that could not be written (busy
// file, disk full, someone else's newer edit) puts the stack back where it was. Each failure
// is reported once through failed().
class EditGuard final : public QObject
{
    Q_OBJECT

public:
    // The guard of a story's stack, created on first use.
    static EditGuard* of(Story* story);
    // Runs the command, then pushes it on the story's stack if it succeeded. Otherwise deletes
    // it, leaves the stack as it was, emits failed() and returns false (with the message).
    // A null command (an edit that would change nothing) returns false with no message.
    static bool push(Story* story, EditCommand* command, QString* error = nullptr);

    bool isBlocked() const { return m_blocked; }
    // Called by a command whose undo or redo could not run.
    void fail(const QString& message);

signals:
    void failed(const QString& message);

private:
    explicit EditGuard(Story* story);
    void onIndexChanged(int index);

    Story* m_story;
    int m_lastIndex = 0;
    bool m_blocked = false;
    bool m_restoring = false;
    QString m_message;
};

} // namespace chronomap
