"""The programme catalogue: typed, validated, cached views of ``resources/catalog/*.json``.

Four files:

* ``three-year-1398-1400.json``: the three-year operational programme of administrative health
  and protection of people's rights (22 axes, 138 indicators ``N/M``), each with its
  definition (kind, unit, frequency, direction, bounds, target; see ``indicators``) and the
  words of the programme it rests on, plus the decisions taken where the text is doubtful;
* ``reform-1397-1399.json``: the comprehensive administrative-reform programme, second period
  (10 programmes; items coded ``R6/1`` ...);
* ``programme-links.json``: where the two programmes meet (reform programme -> axes);
* ``offices.json``: headquarters and the 31 provincial directorates general.

Pure Python: no Qt, no database. A broken file raises :class:`ValueError` naming the problem.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

from integrity_desktop.indicators import REFORM_PREFIX, Definition
from integrity_desktop.resources import ResourceMissing, catalog_dir

THREE_YEAR_FILE = "three-year-1398-1400.json"
REFORM_FILE = "reform-1397-1399.json"
LINKS_FILE = "programme-links.json"
OFFICES_FILE = "offices.json"

EXPECTED_AXES = 22
EXPECTED_INDICATORS = 138
EXPECTED_REFORM_PROGRAMMES = 10
EXPECTED_PROVINCES = 31
HQ_CODE = "hq"  # the headquarters' office code: the one definition (imported as HQ)

_INDICATOR_CODE = re.compile(r"^([1-9][0-9]*)/([1-9][0-9]*)$")
_OFFICE_CODE = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")
_OFFICE_KINDS = frozenset({"hq", "province"})


_T = TypeVar("_T")


def _find(rows: Sequence[_T], attr: str, key: object) -> _T:
    """The first of ``rows`` whose ``attr`` is ``key``: the one lookup behind axis, indicator,
    programme and item; KeyError(key) if there is none."""
    for row in rows:
        if getattr(row, attr) == key:
            return row
    raise KeyError(key)


# --------------------------------------------------------------------------- data classes


@dataclass(frozen=True, slots=True)
class IndicatorDefinition:
    """An indicator's definition as the catalogue states it, with the programme's words."""

    definition: Definition
    quote: str  # the programme's words the definition rests on
    defaults: tuple[str, ...]  # fields that follow the documented defaults (definition_rules)
    note: str = ""


@dataclass(frozen=True, slots=True)
class Decision:
    """A choice made where the programme's text is doubtful, with the words it rests on."""

    subject: str
    decision: str
    quote: str


@dataclass(frozen=True, slots=True)
class Indicator:
    """One indicator (شاخص) ``N/M`` of the three-year programme."""

    code: str
    axis_number: int
    number: int
    title_fa: str
    subtasks: tuple[str, ...]
    legal_basis: str
    lead_unit: str
    partner_units: tuple[str, ...]
    spec: IndicatorDefinition

    @property
    def definition(self) -> Definition:
        return self.spec.definition

    @property
    def counts(self) -> bool:
        """Whether answers carry a number (every kind but status)."""
        return self.spec.definition.takes_value


@dataclass(frozen=True, slots=True)
class Axis:
    """One axis (شاخص محور) of the three-year programme with its indicators in order."""

    number: int
    title_fa: str
    indicators: tuple[Indicator, ...]


@dataclass(frozen=True, slots=True)
class ThreeYearProgramme:
    """The three-year operational programme (۱۳۹۸-۱۴۰۰)."""

    code: str
    version: int
    title_fa: str
    title_en: str
    source: str
    axes: tuple[Axis, ...]
    definition_rules: Mapping[str, str]
    decisions: tuple[Decision, ...]

    @property
    def indicators(self) -> tuple[Indicator, ...]:
        """Every indicator, axis by axis."""
        return tuple(ind for axis in self.axes for ind in axis.indicators)

    def axis(self, number: int) -> Axis:
        """The axis with this number; KeyError if there is none."""
        return _find(self.axes, "number", number)

    def indicator(self, code: str) -> Indicator:
        """The indicator with this code (``"13/1"``); KeyError if there is none."""
        return _find(self.indicators, "code", code)


@dataclass(frozen=True, slots=True)
class ReformItem:
    """A checklist item of the reform programme: a joint action or a quantitative goal."""

    code: str  # "R6/1"
    legacy_code: str  # "6/1": the code its template item's id was first made from
    programme_number: int
    title_fa: str
    spec: IndicatorDefinition
    is_goal: bool = False

    @property
    def definition(self) -> Definition:
        return self.spec.definition


@dataclass(frozen=True, slots=True)
class ReformProgramme:
    """One of the 10 programmes of the administrative-reform programme."""

    number: int
    title_fa: str
    quantitative_goal: str
    policy_references: tuple[str, ...]
    joint_actions: tuple[str, ...]
    outcomes: tuple[str, ...]
    items: tuple[ReformItem, ...] = ()


@dataclass(frozen=True, slots=True)
class ReformCatalogue:
    """The comprehensive administrative-reform programme, second period (۱۳۹۷-۱۳۹۹)."""

    code: str
    version: int
    title_fa: str
    title_en: str
    approved_on: str
    approved_by: str
    source: str
    goals: tuple[str, ...]
    strategies: tuple[str, ...]
    programmes: tuple[ReformProgramme, ...]
    code_prefix: str = REFORM_PREFIX
    decisions: tuple[Decision, ...] = ()

    def programme(self, number: int) -> ReformProgramme:
        """The programme with this number (1 to 10); KeyError if there is none."""
        return _find(self.programmes, "number", number)

    @property
    def items(self) -> tuple[ReformItem, ...]:
        """Every item, programme by programme: joint actions, then goals."""
        return tuple(item for prog in self.programmes for item in prog.items)

    def item(self, code: str) -> ReformItem:
        return _find(self.items, "code", code)


@dataclass(frozen=True, slots=True)
class ProgrammeLink:
    """A reform programme and the three-year axes that carry it out."""

    reform: int
    axes: tuple[int, ...]
    theme_fa: str
    reform_quote: str
    three_year_quote: str


@dataclass(frozen=True, slots=True)
class OfficeInfo:
    """Headquarters or a provincial directorate general, with default unit names."""

    code: str
    kind: str
    name_fa: str
    name_en: str
    province_fa: str
    units_fa: tuple[str, ...]

    @property
    def is_hq(self) -> bool:
        """Whether this is the headquarters."""
        return self.kind == "hq"


# --------------------------------------------------------------------------- field helpers


def _str(obj: Mapping[str, Any], key: str, where: str, *, allow_empty: bool = False) -> str:
    value = obj.get(key)
    if not isinstance(value, str):
        raise ValueError(f"{where}: {key!r} must be a string, got {type(value).__name__}")
    if not allow_empty and not value.strip():
        raise ValueError(f"{where}: {key!r} is empty")
    return value


def _int(obj: Mapping[str, Any], key: str, where: str) -> int:
    value = obj.get(key)
    if not isinstance(value, int) or isinstance(value, bool):
        raise ValueError(f"{where}: {key!r} must be an integer, got {value!r}")
    return value


def _strs(obj: Mapping[str, Any], key: str, where: str) -> tuple[str, ...]:
    value = obj.get(key)
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ValueError(f"{where}: {key!r} must be a list of non-empty strings")
    return tuple(value)


def _objects(obj: Mapping[str, Any], key: str, where: str) -> Sequence[Mapping[str, Any]]:
    value = obj.get(key)
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        raise ValueError(f"{where}: {key!r} must be a list of objects")
    return value


def _mapping(raw: object, where: str) -> Mapping[str, Any]:
    if not isinstance(raw, dict):
        raise ValueError(f"{where}: the top level must be a JSON object")
    return raw


def _number(obj: Mapping[str, Any], key: str, where: str) -> float | None:
    value = obj.get(key)
    if value is None:
        return None
    if not isinstance(value, int | float) or isinstance(value, bool):
        raise ValueError(f"{where}: {key!r} must be a number or null, got {value!r}")
    return float(value)


_DEFAULTABLE = frozenset({"frequency", "direction", "bounds"})


def _definition(raw: object, where: str) -> IndicatorDefinition:
    d = _mapping(raw, f"{where}: definition")
    where = f"{where}: definition"
    definition = Definition(
        kind=_str(d, "kind", where),
        unit_fa=_str(d, "unit_fa", where, allow_empty=True),
        frequency=_str(d, "frequency", where),
        direction=_str(d, "direction", where),
        min_value=_number(d, "min", where),
        max_value=_number(d, "max", where),
        target=_number(d, "target", where),
        measurement_fa=_str(d, "measurement_fa", where, allow_empty=True),
    )
    problems = definition.problems()
    if problems:
        raise ValueError(f"{where}: {'; '.join(problems)}")
    if definition.takes_value and not definition.unit_fa.strip():
        raise ValueError(f"{where}: a unit is required for kind {definition.kind}")
    defaults = d.get("defaults")
    if not isinstance(defaults, list) or not set(defaults) <= _DEFAULTABLE:
        raise ValueError(f"{where}: 'defaults' must list some of {sorted(_DEFAULTABLE)}")
    return IndicatorDefinition(definition, _str(d, "quote", where), tuple(defaults),
                               str(d.get("note", "")))


def _decisions(top: Mapping[str, Any], where: str) -> tuple[Decision, ...]:
    return tuple(
        Decision(_str(r, "subject", where), _str(r, "decision", where), _str(r, "quote", where))
        for r in _objects(top, "decisions", where)
    )


# --------------------------------------------------------------------------- parsers


def parse_three_year(raw: object, *, where: str = THREE_YEAR_FILE) -> ThreeYearProgramme:
    """Build and validate the three-year programme from its decoded JSON."""
    top = _mapping(raw, where)
    axes: list[Axis] = []
    seen_codes: set[str] = set()
    for a_index, a_raw in enumerate(_objects(top, "axes", where), start=1):
        a_where = f"{where}: axis #{a_index}"
        number = _int(a_raw, "number", a_where)
        if number != a_index:
            raise ValueError(f"{a_where}: axis number {number}, expected {a_index}")
        a_where = f"{where}: axis {number}"
        indicators: list[Indicator] = []
        i_raws = _objects(a_raw, "indicators", a_where)
        if not i_raws:
            raise ValueError(f"{a_where}: has no indicators")
        for i_index, i_raw in enumerate(i_raws, start=1):
            code = _str(i_raw, "code", f"{a_where}, indicator #{i_index}")
            i_where = f"{a_where}, indicator {code}"
            match = _INDICATOR_CODE.match(code)
            if match is None:
                raise ValueError(f"{i_where}: code must look like N/M with ASCII digits")
            if int(match.group(1)) != number:
                raise ValueError(f"{i_where}: code does not start with its axis number {number}")
            if int(match.group(2)) != i_index:
                raise ValueError(f"{i_where}: expected code {number}/{i_index} at this place")
            if code in seen_codes:
                raise ValueError(f"{i_where}: duplicate indicator code")
            seen_codes.add(code)
            indicators.append(
                Indicator(
                    code=code,
                    axis_number=number,
                    number=i_index,
                    title_fa=_str(i_raw, "title_fa", i_where),
                    subtasks=_strs(i_raw, "subtasks", i_where),
                    legal_basis=_str(i_raw, "legal_basis", i_where, allow_empty=True),
                    lead_unit=_str(i_raw, "lead_unit", i_where, allow_empty=True),
                    partner_units=_strs(i_raw, "partner_units", i_where),
                    spec=_definition(i_raw.get("definition"), i_where),
                )
            )
        axes.append(Axis(number, _str(a_raw, "title_fa", a_where), tuple(indicators)))
    if len(axes) != EXPECTED_AXES:
        raise ValueError(f"{where}: {len(axes)} axes, expected {EXPECTED_AXES}")
    if len(seen_codes) != EXPECTED_INDICATORS:
        raise ValueError(f"{where}: {len(seen_codes)} indicators, expected {EXPECTED_INDICATORS}")
    return ThreeYearProgramme(
        code=_str(top, "code", where),
        version=_int(top, "version", where),
        title_fa=_str(top, "title_fa", where),
        title_en=_str(top, "title_en", where),
        source=_str(top, "source", where, allow_empty=True),
        axes=tuple(axes),
        definition_rules=_mapping(top.get("definition_rules"), f"{where}: definition_rules"),
        decisions=_decisions(top, where),
    )


def parse_reform(raw: object, *, where: str = REFORM_FILE) -> ReformCatalogue:
    """Build and validate the administrative-reform programme from its decoded JSON."""
    top = _mapping(raw, where)
    prefix = _str(top, "code_prefix", where)
    if not re.fullmatch(r"[A-Z]", prefix):
        raise ValueError(f"{where}: 'code_prefix' must be one capital ASCII letter")
    action_spec = _definition(top.get("item_definition"), f"{where}: item_definition")
    programmes: list[ReformProgramme] = []
    for index, p_raw in enumerate(_objects(top, "programmes", where), start=1):
        p_where = f"{where}: programme #{index}"
        number = _int(p_raw, "number", p_where)
        if number != index:
            raise ValueError(f"{p_where}: programme number {number}, expected {index}")
        actions = _strs(p_raw, "joint_actions", p_where)
        items = [
            ReformItem(f"{prefix}{number}/{i}", f"{number}/{i}", number, title, action_spec)
            for i, title in enumerate(actions, start=1)
        ]
        for g_raw in _objects(p_raw, "goal_indicators", p_where):
            i = len(items) + 1
            items.append(ReformItem(
                f"{prefix}{number}/{i}", f"{number}/{i}", number, _str(g_raw, "title_fa", p_where),
                _definition(g_raw.get("definition"), f"{p_where}, goal {i}"), is_goal=True,
            ))
        programmes.append(
            ReformProgramme(
                number=number,
                title_fa=_str(p_raw, "title_fa", p_where),
                quantitative_goal=_str(p_raw, "quantitative_goal", p_where, allow_empty=True),
                policy_references=_strs(p_raw, "policy_references", p_where),
                joint_actions=actions,
                outcomes=_strs(p_raw, "outcomes", p_where),
                items=tuple(items),
            )
        )
    if len(programmes) != EXPECTED_REFORM_PROGRAMMES:
        raise ValueError(
            f"{where}: {len(programmes)} programmes, expected {EXPECTED_REFORM_PROGRAMMES}"
        )
    return ReformCatalogue(
        code=_str(top, "code", where),
        version=_int(top, "version", where),
        title_fa=_str(top, "title_fa", where),
        title_en=_str(top, "title_en", where),
        approved_on=_str(top, "approved_on", where),
        approved_by=_str(top, "approved_by", where),
        source=str(top.get("source", "")),
        goals=_strs(top, "goals", where),
        strategies=_strs(top, "strategies", where),
        programmes=tuple(programmes),
        code_prefix=prefix,
        decisions=_decisions(top, where),
    )


def parse_links(raw: object, *, where: str = LINKS_FILE) -> tuple[ProgrammeLink, ...]:
    """The reform programme -> three-year axes mapping, checked against both programmes' sizes."""
    top = _mapping(raw, where)
    links: list[ProgrammeLink] = []
    for index, l_raw in enumerate(_objects(top, "links", where), start=1):
        l_where = f"{where}: link #{index}"
        reform = _int(l_raw, "reform", l_where)
        axes = l_raw.get("axes")
        if not 1 <= reform <= EXPECTED_REFORM_PROGRAMMES:
            raise ValueError(f"{l_where}: no reform programme {reform}")
        if (not isinstance(axes, list) or not axes or len(set(axes)) != len(axes)
                or not all(isinstance(a, int) and 1 <= a <= EXPECTED_AXES for a in axes)):
            raise ValueError(f"{l_where}: 'axes' must list distinct axis numbers 1-{EXPECTED_AXES}")
        links.append(ProgrammeLink(
            reform, tuple(axes), _str(l_raw, "theme_fa", l_where), _str(l_raw, "reform_quote", l_where),
            _str(l_raw, "three_year_quote", l_where),
        ))
    return tuple(links)


def parse_offices(raw: object, *, where: str = OFFICES_FILE) -> list[OfficeInfo]:
    """Build and validate the office list (HQ first, then the provinces)."""
    top = _mapping(raw, where)
    offices: list[OfficeInfo] = []
    seen: set[str] = set()
    for index, o_raw in enumerate(_objects(top, "offices", where), start=1):
        code = _str(o_raw, "code", f"{where}: office #{index}")
        o_where = f"{where}: office {code!r}"
        if not _OFFICE_CODE.match(code):
            raise ValueError(f"{o_where}: code must be a lowercase ASCII slug")
        if code in seen:
            raise ValueError(f"{o_where}: duplicate office code")
        seen.add(code)
        kind = _str(o_raw, "kind", o_where)
        if kind not in _OFFICE_KINDS:
            raise ValueError(f"{o_where}: unknown kind {kind!r}")
        if (kind == "hq") != (code == HQ_CODE):
            raise ValueError(f"{o_where}: only the office coded {HQ_CODE!r} may be of kind hq")
        units = _strs(o_raw, "units_fa", o_where) if "units_fa" in o_raw else ()
        offices.append(
            OfficeInfo(
                code=code,
                kind=kind,
                name_fa=_str(o_raw, "name_fa", o_where),
                name_en=_str(o_raw, "name_en", o_where),
                province_fa=(_str(o_raw, "province_fa", o_where) if kind == "province" else ""),
                units_fa=units,
            )
        )
    if not offices or offices[0].code != HQ_CODE:
        raise ValueError(f"{where}: the first office must be the headquarters ({HQ_CODE!r})")
    provinces = sum(1 for o in offices if o.kind == "province")
    if provinces != EXPECTED_PROVINCES:
        raise ValueError(f"{where}: {provinces} provinces, expected {EXPECTED_PROVINCES}")
    return offices


# --------------------------------------------------------------------------- loaders


def catalog_path(filename: str) -> Path:
    """The path of a catalogue file under ``resources/catalog/``."""
    return catalog_dir() / filename


def _read_json(filename: str) -> object:
    path = catalog_path(filename)
    try:
        with path.open(encoding="utf-8") as f:
            return json.load(f)
    except FileNotFoundError as exc:
        raise ResourceMissing(f"resources/catalog/{filename}", str(path.parent)) from exc
    except json.JSONDecodeError as exc:
        raise ValueError(f"{filename}: not valid JSON ({exc})") from exc


@cache
def load_three_year() -> ThreeYearProgramme:
    """The three-year programme, read once and validated."""
    return parse_three_year(_read_json(THREE_YEAR_FILE))


@cache
def load_reform() -> ReformCatalogue:
    """The administrative-reform programme, read once and validated."""
    return parse_reform(_read_json(REFORM_FILE))


@cache
def load_links() -> tuple[ProgrammeLink, ...]:
    """Where the two programmes meet, read once and validated."""
    return parse_links(_read_json(LINKS_FILE))


@cache
def load_offices() -> list[OfficeInfo]:
    """HQ then the 31 provincial directorates general, read once (do not mutate the list)."""
    return parse_offices(_read_json(OFFICES_FILE))
