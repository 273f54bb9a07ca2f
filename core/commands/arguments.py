"""A command's arguments as one pydantic model, read at the registry before any handler runs.

A command declares its arguments once, as a subclass of `Arguments` whose fields carry the description,
the bounds and (through an `ArgType` in ``Annotated``) what kind of thing each holds. The registry derives
the `Argument` list adapters build their options from, and `parse_arguments` turns raw values (console or
Slack text, Discord option values) into the model, or into a message a member can act on.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Any, Literal, get_args, get_origin

from annotated_types import Ge, Le, MaxLen
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator
from pydantic.fields import FieldInfo

DEFAULT_MAX_LENGTH = 200


class ArgType(StrEnum):
    """What an argument holds; adapters map it to their option types (and autocomplete for films)."""

    TEXT = "text"
    FILM = "film"
    INTEGER = "integer"
    CHANNEL = "channel"
    ROLE = "role"


class Argument(BaseModel):
    """One typed argument of a command, as adapters see it."""

    model_config = ConfigDict(frozen=True)

    name: str
    description: str
    type: ArgType = ArgType.TEXT
    required: bool = True
    max_length: int = DEFAULT_MAX_LENGTH
    min_value: int | None = None
    max_value: int | None = None
    choices: tuple[str, ...] = ()


class ArgumentError(ValueError):
    """An argument is missing, too long or of the wrong type; the message is for the member."""


class Arguments(BaseModel):
    """Base of every command's arguments: text is squeezed, choices folded, blanks count as not given."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    @model_validator(mode="before")
    @classmethod
    def _tidy(cls, raw: Any) -> Any:
        if not isinstance(raw, dict):
            return raw
        tidy: dict[str, Any] = {}
        for name, value in raw.items():
            if isinstance(value, str):
                value = " ".join(value.split())
                if not value:
                    continue
                field = _field(cls, name)
                if field is not None and _choices(field):
                    value = value.casefold()
            if value is not None:
                tidy[name] = value
        return tidy


class NoArguments(Arguments):
    """A command that takes nothing."""


FilmTitle = Annotated[str, ArgType.FILM, Field(description="The film's title (typos are fine)")]
"""A film's title as typed; adapters offer autocomplete from the library."""
ChannelName = Annotated[str, ArgType.CHANNEL]
RoleName = Annotated[str, ArgType.ROLE]


def arguments_of(model: type[Arguments]) -> tuple[Argument, ...]:
    """The adapter-facing description of a model's fields, in declaration order.

    Args:
        model: a command's arguments model.

    Returns:
        One `Argument` per field.
    """
    return tuple(_argument(field.alias or name, field) for name, field in model.model_fields.items())


def _argument(name: str, field: FieldInfo) -> Argument:
    choices = _choices(field)
    return Argument(
        name=name,
        description=field.description or name,
        type=_kind(field),
        required=field.is_required(),
        max_length=next((m.max_length for m in field.metadata if isinstance(m, MaxLen)), DEFAULT_MAX_LENGTH),
        min_value=next((int(m.ge) for m in field.metadata if isinstance(m, Ge)), None),  # type: ignore[call-overload]
        max_value=next((int(m.le) for m in field.metadata if isinstance(m, Le)), None),  # type: ignore[call-overload]
        choices=choices,
    )


def _field(model: type[BaseModel], name: str) -> FieldInfo | None:
    return next((f for n, f in model.model_fields.items() if (f.alias or n) == name), None)


def _kind(field: FieldInfo) -> ArgType:
    """The `ArgType` marked in ``Annotated`` (also inside ``… | None``), else integer or text by the Python type."""
    members = get_args(field.annotation)
    marks = [*field.metadata, *(m for a in members if get_origin(a) is Annotated for m in a.__metadata__)]
    marked = next((m for m in marks if isinstance(m, ArgType)), None)
    if marked is not None:
        return marked
    return ArgType.INTEGER if int in (field.annotation, *members) else ArgType.TEXT


def _choices(field: FieldInfo) -> tuple[str, ...]:
    for candidate in (field.annotation, *get_args(field.annotation)):
        if get_origin(candidate) is Literal:
            return tuple(str(v) for v in get_args(candidate))
    return ()


def parse_arguments(model: type[Arguments], raw: dict[str, Any], path: str) -> Arguments:
    """Validate raw argument values into a command's model.

    Args:
        model: the command's arguments model.
        raw: values by argument name (text from a typed line, or native values from an adapter).
        path: the command as typed (``/film plot``), for messages.

    Returns:
        The checked arguments.

    Raises:
        ArgumentError: an unknown, missing or out-of-bounds argument, said plainly.
    """
    known = {a.name: a for a in arguments_of(model)}
    unknown = [name for name in raw if name not in known]
    if unknown:
        raise ArgumentError(f"{path} has no option {unknown[0]!r}.")
    for name, value in raw.items():
        text = " ".join(value.split()) if isinstance(value, str) else ""
        if len(text) > known[name].max_length:
            raise ArgumentError(f"{name} is too long ({len(text)} characters; at most {known[name].max_length}).")
    try:
        return model.model_validate(raw)
    except ValidationError as exc:
        first = exc.errors()[0]
        argument = known[str(first["loc"][0])]
        raise ArgumentError(_message(argument, first["type"], path)) from None


def _message(arg: Argument, kind: str, path: str) -> str:
    if kind == "missing":
        return f"{path} needs {arg.name}: {arg.description.lower()}."
    if kind == "greater_than_equal":
        return f"{arg.name} must be at least {arg.min_value}."
    if kind == "less_than_equal":
        return f"{arg.name} must be at most {arg.max_value}."
    if kind == "literal_error":
        return f"{arg.name} must be one of: {', '.join(arg.choices)}."
    if arg.type is ArgType.INTEGER:
        return f"{arg.name} must be a whole number."
    return f"{arg.name} is not valid."
