"""A day written in another language than English: ``27. Juli 2023 11:52`` (Notion's German
export), ``jeudi 27 juillet 2023``, ``27 de julio de 2023``, ``27 июля 2023 г.``,
``2023年7月27日 11:52``, ``2023년 7월 27일``. Each was "no date; it is not used", and its
article listed undated, below every other.

Read only where ISO's and English's readers found no date, so a date they read costs
nothing more. The languages are data, one table: a new one is a row, not a path of code.
A month is known by its name in any form the table gives (nominative, genitive: ``juli``,
``июль``, ``июля``) or by any beginning of three letters or more that names one month
alone (``févr.``, ``Mär``, ``sept``, ``дек.``); a weekday before the day by its name or a
beginning of two letters or more (``Do.,``), and passed over.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime, timedelta, timezone

# Month names in each language, January to December, forms of one month joined by ``|``;
# then the weekday names, Monday to Sunday. Written in small letters.
_LANGUAGES: dict[str, tuple[str, str]] = {
    "de": (
        "januar|jänner|jaenner februar|feber märz|maerz april mai juni juli august"
        " september oktober november dezember",
        "montag dienstag mittwoch donnerstag freitag samstag|sonnabend sonntag",
    ),
    "fr": (
        "janvier février|fevrier mars avril mai juin juillet août|aout septembre octobre"
        " novembre décembre|decembre",
        "lundi mardi mercredi jeudi vendredi samedi dimanche",
    ),
    "es": (
        "enero febrero marzo abril mayo junio julio agosto septiembre|setiembre octubre"
        " noviembre diciembre",
        "lunes martes miércoles|miercoles jueves viernes sábado|sabado domingo",
    ),
    "pt": (
        "janeiro fevereiro março|marco abril maio junho julho agosto setembro outubro"
        " novembro dezembro",
        "segunda-feira|segunda terça-feira|terça|terca-feira|terca quarta-feira|quarta"
        " quinta-feira|quinta sexta-feira|sexta sábado|sabado domingo",
    ),
    "it": (
        "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre"
        " novembre dicembre",
        "lunedì|lunedi martedì|martedi mercoledì|mercoledi giovedì|giovedi venerdì|venerdi"
        " sabato domenica",
    ),
    "nl": (
        "januari februari maart|mrt april mei juni juli augustus september oktober"
        " november december",
        "maandag dinsdag woensdag donderdag vrijdag zaterdag zondag",
    ),
    "pl": (
        "styczeń|stycznia luty|lutego marzec|marca kwiecień|kwietnia maj|maja czerwiec|czerwca"
        " lipiec|lipca sierpień|sierpnia wrzesień|września październik|października"
        " listopad|listopada grudzień|grudnia",
        "poniedziałek wtorek środa|sroda czwartek piątek|piatek sobota niedziela",
    ),
    "ru": (
        "январь|января февраль|февраля март|марта апрель|апреля май|мая июнь|июня"
        " июль|июля август|августа сентябрь|сентября октябрь|октября ноябрь|ноября"
        " декабрь|декабря",
        "понедельник вторник среда четверг пятница суббота воскресенье",
    ),
    "uk": (
        "січень|січня лютий|лютого березень|березня квітень|квітня травень|травня"
        " червень|червня липень|липня серпень|серпня вересень|вересня жовтень|жовтня"
        " листопад|листопада грудень|грудня",
        "понеділок вівторок середа четвер пʼятниця|п'ятниця субота неділя",
    ),
    "sv": (
        "januari februari mars april maj juni juli augusti september oktober november december",
        "måndag tisdag onsdag torsdag fredag lördag söndag",
    ),
    "cs": (
        "leden|ledna únor|února březen|března duben|dubna květen|května červen|června"
        " červenec|července srpen|srpna září říjen|října listopad|listopadu prosinec|prosince",
        "pondělí úterý středa čtvrtek pátek sobota neděle",
    ),
}


def _names() -> tuple[dict[str, int], frozenset[str]]:
    """Every name or beginning that names one month alone, with its number; every weekday's
    name and beginning."""
    months: dict[str, set[int]] = {}
    weekdays: set[str] = set()
    for month_names, weekday_names in _LANGUAGES.values():
        for number, forms in enumerate(month_names.split(), start=1):
            for form in forms.split("|"):
                months.setdefault(form, set()).add(number)
                for end in range(3, len(form)):
                    months.setdefault(form[:end], set()).add(number)
        for forms in weekday_names.split():
            for form in forms.split("|"):
                weekdays.update(form[:end] for end in range(2, len(form) + 1))
    return {name: next(iter(ns)) for name, ns in months.items() if len(ns) == 1}, frozenset(
        weekdays
    )


_MONTHS, _WEEKDAYS = _names()
# Words a day is written with between its parts, or after its year: Spanish's and
# Portuguese's ``de``, Russian's ``г.``, Polish's ``r.``, Czech's and Ukrainian's ``року``.
_BETWEEN = r"(?:\s*[,.]?\s*(?:de|del)\s+|\s*[,.]?\s*)"
_YEAR_WORD = r"(?:\s*(?:г|года|р|року|r|roku)\.?)?"
# Then a time of day, maybe after a word for "at" (``um``, ``à``, ``a las``, ``alle``,
# ``om``, ``в``, ``o``, ``kl.``), with ``:``, ``h`` or ``.`` between hour and minute, maybe
# followed by seconds (``23h33m22s``), ``Uhr`` or ``h``, and an offset from UTC.
_TIME = (
    r"(?:\s*,?\s*(?:(?:um|à|a|a\s+las|a\s+la|às|alle|om|в|o|kl\.?|klo|ás)\s+)?"
    r"(\d{1,2})\s*[:h.]\s*(\d\d)(?::(\d\d)|m(\d\d)s?)?(?:\s*(?:uhr|h))?(?:\s*([+-]\d\d:?\d\d))?)?"
)
_WORD = r"([^\W\d_](?:[^\W\d_]|['ʼ-])*)"
_WEEKDAY_FIRST = re.compile(_WORD + r"\.?\s*,?\s+")
# ``27. Juli 2023``, ``27 de julio de 2023``, ``1er mai 2023``, ``27.07.2023``.
_DAY_MONTH_YEAR = re.compile(
    rf"(\d{{1,2}})(?:\.|er|º|ª|-?го)?\s*(?:de\s+)?{_WORD}\.?{_BETWEEN}(\d{{4}}){_YEAR_WORD}{_TIME}\s*$",
    re.IGNORECASE,
)
_DOTTED = re.compile(r"(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})" + _YEAR_WORD + _TIME + r"\s*$")
# The year, month and day of Chinese, Japanese (``2023年7月27日``) and Korean (``2023년 7월
# 27일``), maybe with a weekday (``(木)``, ``星期四``, ``목요일``), a half of the day (``午後``,
# ``下午``, ``오후``) and a time of day (``11:52``, ``11時52分``, ``11시 52분``).
_CJK = re.compile(
    r"(\d{4})\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일号號]"
    r"(?:\s*\([^)]{1,4}\)|\s*(?:星期|週|周|礼拜|禮拜)[一二三四五六日天]|\s*[月火水木金土日]曜日?"
    r"|\s*[월화수목금토일]요일)?"
    r"(?:\s*(午前|午後|上午|下午|早上|晚上|오전|오후|AM|PM))?"
    r"(?:\s*(\d{1,2})\s*(?::|時|时|시)\s*(\d{1,2})\s*(?:分|분)?(?:\s*:?\s*(\d{1,2})\s*(?:秒|초)?)?)?"
    r"(?:\s*([+-]\d\d:?\d\d))?\s*$",
    re.IGNORECASE,
)
_AFTERNOON = frozenset({"午後", "下午", "晚上", "오후", "pm"})
_HAS_YEAR = re.compile(r"\d{4}")


def foreign_date(text: str) -> date | None:
    """The day (and time) ``text`` writes in one of the table's languages, or in Chinese,
    Japanese or Korean; ``None`` for anything else."""
    if _HAS_YEAR.search(text) is None:
        return None
    text = unicodedata.normalize("NFKC", text).strip()  # full-width digits and brackets
    if found := _CJK.match(text):
        year, month, day, half, hour, minute, second, offset = found.groups()
        return _moment(int(year), int(month), int(day), hour, minute, second, offset, half)
    if (weekday := _WEEKDAY_FIRST.match(text)) and weekday[1].lower() in _WEEKDAYS:
        text = text[weekday.end() :]
    if found := _DAY_MONTH_YEAR.match(text):
        day, name, year, hour, minute, second, seconds, offset = found.groups()
        month = _MONTHS.get(name.lower())
        if month is None:
            return None
        return _moment(int(year), month, int(day), hour, minute, second or seconds, offset, None)
    if found := _DOTTED.match(text):
        day, month, year, hour, minute, second, seconds, offset = found.groups()
        return _moment(
            int(year), int(month), int(day), hour, minute, second or seconds, offset, None
        )
    return None


def _moment(
    year: int,
    month: int,
    day: int,
    hour: str | None,
    minute: str | None,
    second: str | None,
    offset: str | None,
    half: str | None,
) -> date | None:
    """The day, or the moment where a time of day is given; ``None`` where none is real."""
    try:
        if hour is None:
            return datetime(year, month, day) if half is None else None
        hours = int(hour)
        if half is not None:
            if not 1 <= hours <= 12:
                return None
            hours = hours % 12 + (12 if half.lower() in _AFTERNOON else 0)
        moment = datetime(year, month, day, hours, int(minute or 0), int(second or 0))
    except ValueError:  # the 30th of February, 25:61
        return None
    if offset is None:
        return moment
    sign = -1 if offset[0] == "-" else 1
    digits = offset[1:].replace(":", "")
    span = timedelta(hours=int(digits[:2]), minutes=int(digits[2:]))
    if span >= timedelta(hours=24):
        return None
    return moment.replace(tzinfo=timezone(sign * span))
