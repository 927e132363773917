#pragma once

#include "editcommand.h"

namespace chronomap {

// The edits of a story's scenes (saved views for presentations), as commands ready for
// EditGuard::push: each is one undo step, written in one transaction with its audit lines.
// Scenes play in the order of `position`; these keep positions 0, 1, 2... so the order in the
// file is always the order on screen.

// The story's scenes in playing order.
QList<Scene> orderedScenes(const Store& store);
// A scene with this name (exact match first, then ignoring case), or nullopt.
std::optional<Scene> sceneNamed(const Store& store, const QString& name);
// A name not used by another scene: `wanted`, or "wanted (2)", "wanted (3)"...
QString uniqueSceneName(const Store& store, const QString& wanted);

// A new scene after the last one (at `index` if given), its state a JSON object as text.
EditCommand* makeAddScene(Story* story, const QString& name, const QString& caption,
                          const QString& state, std::optional<int> index = std::nullopt);
// Moves a scene to playing position `index` (clamped); nullptr if it is already there.
EditCommand* makeMoveScene(Story* story, Id scene, int index);
// Renames, re-captions or re-captures a scene; nullptr if nothing changes.
EditCommand* makeRenameScene(Story* story, Id scene, const QString& name);
EditCommand* makeSetSceneCaption(Story* story, Id scene, const QString& caption);
EditCommand* makeSetSceneState(Story* story, Id scene, const QString& state);
// Deletes a scene and closes the gap in the order.
EditCommand* makeDeleteScene(Story* story, Id scene);

} // namespace chronomap
