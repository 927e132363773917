#include "sceneedits.h"

#include "story/story.h"

#include <QCoreApplication>

namespace chronomap {

namespace {

using Step = EditCommand::Step;

// One step from an Entity each side, like edits.cpp's removal(): GCC 12 takes a Step built
// in place from a Scene for "maybe uninitialised".
Step stepOf(const std::optional<Entity>& before, const std::optional<Entity>& after)
{
    return Step{before, after};
}

std::optional<Scene> sceneById(const QList<Scene>& scenes, Id id)
{
    for (const Scene& s : scenes)
        if (s.id == id)
            return s;
    return std::nullopt;
}

// Steps that give `order` the positions 0, 1, 2... (only scenes whose position changes).
QList<Step> renumber(const QList<Scene>& before, const QList<Scene>& order)
{
    QList<Step> steps;
    for (int i = 0; i < order.size(); ++i) {
        Scene after = order[i];
        after.position = i;
        const auto old = sceneById(before, after.id);
        if (!old || *old == after)
            continue;
        steps << stepOf(*old, after);
    }
    return steps;
}

EditCommand* makeChange(Story* story, Id scene, const QString& text,
                        const std::function<void(Scene&)>& change)
{
    const auto before = sceneById(story->store().scenes(), scene);
    if (!before)
        return nullptr;
    Scene after = *before;
    change(after);
    if (after == *before)
        return nullptr;
    return new EditCommand(story, text.arg(before->name), {stepOf(*before, after)});
}

} // namespace

QList<Scene> orderedScenes(const Store& store)
{
    return store.scenes(); // ORDER BY position, id
}

std::optional<Scene> sceneNamed(const Store& store, const QString& name)
{
    const QList<Scene> scenes = store.scenes();
    for (const Scene& s : scenes)
        if (s.name == name)
            return s;
    for (const Scene& s : scenes)
        if (s.name.compare(name, Qt::CaseInsensitive) == 0)
            return s;
    return std::nullopt;
}

QString uniqueSceneName(const Store& store, const QString& wanted)
{
    const QString base = wanted.trimmed().isEmpty() ? QStringLiteral("Scene") : wanted.trimmed();
    QSet<QString> used;
    for (const Scene& s : store.scenes())
        used.insert(s.name.toCaseFolded());
    QString name = base;
    for (int n = 2; used.contains(name.toCaseFolded()); ++n)
        name = QStringLiteral("%1 (%2)").arg(base).arg(n);
    return name;
}

EditCommand* makeAddScene(Story* story, const QString& name, const QString& caption,
                          const QString& state, std::optional<int> index)
{
    const QList<Scene> before = orderedScenes(story->store());
    Scene s;
    s.name = name;
    s.caption = caption;
    s.state = state.isEmpty() ? QStringLiteral("{}") : state;
    const int at =
        int(qBound(qsizetype(0), qsizetype(index.value_or(int(before.size()))), before.size()));
    s.position = at;
    // The new scene first (undo deletes it last), then the ones after it move up by one.
    QList<Step> steps{stepOf(std::nullopt, s)};
    QList<Scene> order = before;
    order.insert(at, s);
    for (int i = at + 1; i < order.size(); ++i)
        order[i].position = i;
    for (const Step& st : renumber(before, order))
        steps << st;
    return new EditCommand(
        story, QCoreApplication::translate("chronomap::Edits", "New scene “%1”").arg(name), steps);
}

EditCommand* makeMoveScene(Story* story, Id scene, int index)
{
    const QList<Scene> before = orderedScenes(story->store());
    qsizetype from = -1;
    for (qsizetype i = 0; i < before.size(); ++i)
        if (before[i].id == scene)
            from = i;
    if (from < 0)
        return nullptr;
    const qsizetype to = qBound(qsizetype(0), qsizetype(index), before.size() - 1);
    QList<Scene> order = before;
    order.move(from, to);
    const QList<Step> steps = renumber(before, order);
    if (steps.isEmpty())
        return nullptr;
    return new EditCommand(
        story,
        QCoreApplication::translate("chronomap::Edits", "Move scene “%1”").arg(before[from].name),
        steps);
}

EditCommand* makeRenameScene(Story* story, Id scene, const QString& name)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty())
        return nullptr;
    return makeChange(story, scene,
                      QCoreApplication::translate("chronomap::Edits", "Rename scene “%1”"),
                      [&](Scene& s) { s.name = trimmed; });
}

EditCommand* makeSetSceneCaption(Story* story, Id scene, const QString& caption)
{
    return makeChange(story, scene,
                      QCoreApplication::translate("chronomap::Edits", "Edit caption of “%1”"),
                      [&](Scene& s) { s.caption = caption; });
}

EditCommand* makeSetSceneState(Story* story, Id scene, const QString& state)
{
    return makeChange(story, scene,
                      QCoreApplication::translate("chronomap::Edits", "Update scene “%1”"),
                      [&](Scene& s) { s.state = state; });
}

EditCommand* makeDeleteScene(Story* story, Id scene)
{
    const QList<Scene> before = orderedScenes(story->store());
    const auto gone = sceneById(before, scene);
    if (!gone)
        return nullptr;
    // The ones after it move down first; undo puts them back after re-creating the scene.
    QList<Scene> order = before;
    order.removeIf([scene](const Scene& s) { return s.id == scene; });
    QList<Step> steps = renumber(before, order);
    steps << stepOf(*gone, std::nullopt);
    return new EditCommand(
        story, QCoreApplication::translate("chronomap::Edits", "Delete scene “%1”").arg(gone->name),
        steps);
}

} // namespace chronomap
