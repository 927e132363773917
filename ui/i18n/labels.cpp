#include "labels.h"

#include <QCoreApplication>

namespace chronomap {

QString statusLabel(Verification status)
{
    return verificationLabel(status); // in core: the undo stack's texts use it too
}

QString actorKindLabel(ActorKind kind)
{
    switch (kind) {
    case ActorKind::Person:
        return QCoreApplication::translate("Labels", "person");
    case ActorKind::Organization:
        return QCoreApplication::translate("Labels", "organization");
    case ActorKind::State:
        return QCoreApplication::translate("Labels", "state");
    case ActorKind::Group:
        return QCoreApplication::translate("Labels", "group");
    }
    return actorKindName(kind);
}

QString entityKindLabel(EntityKind kind)
{
    switch (kind) {
    case EntityKind::Event:
        return QCoreApplication::translate("Labels", "event");
    case EntityKind::Actor:
        return QCoreApplication::translate("Labels", "actor");
    case EntityKind::Relation:
        return QCoreApplication::translate("Labels", "relation");
    case EntityKind::Source:
        return QCoreApplication::translate("Labels", "source");
    case EntityKind::Annotation:
        return QCoreApplication::translate("Labels", "note");
    case EntityKind::Scene:
        return QCoreApplication::translate("Labels", "scene");
    }
    return entityKindName(kind);
}

} // namespace chronomap
