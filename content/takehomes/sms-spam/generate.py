"""Short text messages from a mobile operator's inbound traffic, labelled spam (1) or not (0).

Generative process
------------------
10,000 messages: 6,000 train and 4,000 test, about 12-13 % spam. Each message is drawn independently from one of
four families (62/21/5/12 %):

* personal (about 62 %): chat between people; short, informal, often lower-case, with abbreviations (u, 2nite,
  pls), typos and emoticons; some contain words that also occur in spam (free, won, call, claim) and ~2 % a link.
* service (about 21 %): legitimate transactional texts from businesses (verification codes, card alerts, parcel
  updates, appointment reminders, order confirmations), with codes, amounts and official-looking links.
* opt-in marketing (about 5 %): legitimate promotions from shops the customer subscribed to ("Reply STOP").
* spam (about 12 %): prize draws, bank and parcel phishing, loans, crypto schemes, job offers, premium-rate
  subscriptions, romance and "new number" scams. Spam uses suspicious domains and link shorteners more, plus
  upper case, exclamation marks, obfuscated words (FR3E, c1aim) and pressure on time.

Every message comes from a template (132 hand-written ones) whose slots are filled from vocabularies (names,
places, shops, banks, couriers, amounts, codes, URLs, phone numbers). Then family-specific noise: case changes,
SMS abbreviations, character-level typos, extra punctuation.

Drift: the test messages belong to a later period. A seeded random 14 of the 47 spam templates and 6 of the 30
service templates are "new campaigns" that never occur in train; in test, 35 % of spam and 15 % of service
messages use them. A bag-of-words model therefore has to generalise from URLs, style and metadata.

Metadata (depends on the family, not on the text):
* ``sender_type``: contact / unknown_number / short_code / alphanumeric. Personal: mostly contact; service and
  marketing: alphanumeric or short code; spam: mostly unknown_number, sometimes any other. 3 % missing (empty).
* ``sent_hour``: personal skewed to evenings, service and marketing to office hours, spam spread over the day
  with some at night. 2 % missing (NaN).

Label noise: 0.6 % of labels are flipped (in train and test), as labels are imperfect.

Leakage trap
------------
``reported_by_users``: number of recipients who pressed "report spam", counted at extract time. The training
messages are weeks old, so spam has accumulated reports (Poisson with a log-normal mean around 4) while ham has
almost none. The test messages were extracted minutes after delivery, as the filter would see them: spam has
Poisson(0.15) reports, ham Poisson(0.01). A model that relies on the count looks excellent in cross-validation
and labels almost all test spam as ham. The column is, by nature, only available after the decision the filter
has to make.

Ids are drawn at random from 100000..999999 (train and test together) and carry no information.
"""

from __future__ import annotations

import re

import numpy as np

N_TRAIN = 6000
N_TEST = 4000
FAMILY_PROBS = np.array([0.62, 0.21, 0.05, 0.12])  # personal, service, marketing, spam
N_NEW_SPAM = 14  # spam templates that only appear in the later (test) period
N_NEW_SERVICE = 6
P_NEW_SPAM = 0.35  # share of test spam that comes from the new campaigns
P_NEW_SERVICE = 0.15

NAMES = [
    "Sam",
    "Alex",
    "Priya",
    "Tom",
    "Jess",
    "Ravi",
    "Maya",
    "Ben",
    "Chloe",
    "Omar",
    "Lucy",
    "Dan",
    "Aisha",
    "Kofi",
    "Nina",
    "Jake",
    "Leila",
    "Marco",
    "Hannah",
    "Tariq",
    "Emma",
    "Joe",
    "Sofia",
    "Liam",
    "Grace",
    "Yusuf",
    "Ellie",
    "mum",
    "dad",
    "babe",
    "gran",
]
PLACES = [
    "the station",
    "the gym",
    "Nando's",
    "the library",
    "work",
    "the park",
    "Tesco",
    "the cinema",
    "uni",
    "the pub",
    "your place",
    "mine",
    "the bus stop",
    "the hospital",
    "church",
    "the match",
    "the office",
    "town",
    "the cafe",
]
ITEMS = [
    "milk",
    "bread",
    "eggs",
    "nappies",
    "the charger",
    "some wine",
    "bin bags",
    "my keys",
    "the tickets",
    "a cake",
    "loo roll",
    "chips",
    "the car seat",
    "my jacket",
    "printer ink",
    "dog food",
    "a card for gran",
]
DAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "tomorrow", "tonight"]
SHOPS = ["Hartwell", "Cobble & Co", "FreshNest", "Urbano", "PixelHub", "Greenleaf", "Maple Home", "Sportline"]
BANKS = ["NorthBank", "Cresta Bank", "Unity Savings", "Harbour Bank", "Silverline Credit"]
COURIERS = ["ParcelGo", "SwiftPost", "RoyalRoute", "DashDrop", "EvriLine"]
PRIZES = [
    "iPhone 15",
    "£1000 gift card",
    "£500 cash prize",
    "brand new car",
    "holiday to Tenerife",
    "Samsung TV",
    "£2,500 voucher",
    "PS5 bundle",
    "£750 Amazon card",
    "year of free shopping",
]
CLINICS = ["Riverside Surgery", "Bright Smile Dental", "Oak Lane Clinic", "City Opticians", "Westfield Physio"]
SPAM_WORDS = ["secure", "verify", "claim", "reward", "account", "parcel", "refund", "prize", "login", "update"]
SPAM_TLDS = ["xyz", "top", "info", "club", "online", "site", "live", "icu", "co"]
SHORTENERS = ["bit.ly", "tinyurl.com", "t.ly", "cutt.ly", "is.gd"]
EMOTES = [":)", ":-)", ":D", "xx", "x", "lol", "haha", ":(", ";)", "<3", "!!"]

PERSONAL = [
    "hey are we still on for {time}?",
    "running {n} mins late sorry!!",
    "can u pick up {item} on the way home",
    "happy birthday {name}!! hope you have an amazing day",
    "ok see you at {place} at {time}",
    "did you see what {name} posted lol",
    "call me when you're free, nothing urgent",
    "{name} says hi btw",
    "love you, sleep well",
    "meeting got moved to {day}, can you still make it?",
    "im at {place}, where are you",
    "just landed, will call in a bit",
    "don't forget {item}!",
    "what time does the match start {day}?",
    "thanks for {day}, had a really good time",
    "are u free {day}? pizza is on me",
    "we WON!!! {n}-1 get in",
    "I won the pub quiz again haha",
    "mum says you can claim the spare room this weekend",
    "is the free parking still on by {place}?",
    "have you got the number for the plumber",
    "just text me when you get home safe",
    "sorry missed your call, was driving",
    "can we do {time} instead of earlier?",
    "kids are asleep finally. wine?",
    "who's picking up {name} from school {day}",
    "the bus is stuck in traffic, be there in {n}",
    "got the tickets!! {n} quid each, pay me whenever",
    "dinner at {place} {day}? my treat",
    "how did the interview go?? tell me everything",
    "ugh my phone is on {n}% battery, text don't call",
    "{name} is having a party {day}, you coming?",
    "left {item} at yours i think",
    "good luck today, you'll smash it",
    "can you send me that link again, the one for the {item}",
    "check this out {url_personal}",
    "the doctor said it's nothing serious, don't worry",
    "shall I bring {item}?",
    "on my way",
    "yes please!",
    "no worries, another time",
    "what do you want for dinner",
    "Congrats on the new job!! so proud of you",
    "traffic is awful, gonna be {n} min late",
    "can u call me back pls, its about {day}",
    "reminder: bin day is {day}",
    "I owe you {amount} for the taxi, will send it now",
    "Free for a quick call at {time}?",
]
SERVICE = [
    "Your verification code is {code}. Do not share this code with anyone.",
    "{code} is your {shop} login code. It expires in 10 minutes.",
    "{bank}: a payment of {amount} to {shop} was approved on your card ending {card4}.",
    "{bank}: your statement is ready to view in the app.",
    "{bank}: did you just try to pay {amount} at {shop}? Reply Y if it was you or N if not.",
    "{courier}: your parcel {track} will be delivered today between {hour}:00 and {hour2}:00.",
    "{courier}: we delivered your parcel {track} to your safe place. Track: {url_legit}",
    "Reminder: your appointment at {clinic} is on {day} at {time}. Reply C to cancel.",
    "{clinic}: your prescription is ready for collection.",
    "{shop}: your order #{ref} has shipped. Track it at {url_legit}",
    "{shop}: thanks for your order #{ref}. We'll text you when it is on its way.",
    "Your {shop} refund of {amount} has been processed and should reach your account in 3-5 days.",
    "Your taxi is arriving in {n} minutes. Driver: {name}, silver Toyota.",
    "Your table for 2 at {place} is confirmed for {day} at {time}.",
    "Your electricity bill of {amount} is due on {day}. Pay in the app or at {url_legit}",
    "School notice: {day} is a staff training day, the school will be closed.",
    "Your {courier} parcel needs a signature. Pick a new delivery day at {url_legit}",
    "Hi {name}, this is a reminder that your car MOT is due next month.",
    "{bank}: your new card has been sent and should arrive within 5 working days.",
    "Your mobile bill for this month is {amount}. Details in your account.",
    "Your GP surgery is now offering flu jabs. Book online at {url_legit}",
    "{code} is your one-time passcode for {bank}. {bank} will never call you to ask for it.",
    "Train update: the {time} service to {place_town} is delayed by {n} minutes.",
    "Your booking ref {ref} is confirmed. Check in opens 24h before departure.",
    "{bank}: you've reached 90% of your overdraft limit. Log in to your app to check your balance.",
    "Your {shop} account password was changed. If this wasn't you, contact us from the app.",
    "Your parcel from {shop} is out for delivery with {courier}. Track live: {url_legit}",
    "Council tax: your payment of {amount} was received, thank you. Ref {ref}",
    "Your vaccination appointment is booked for {day} at {time} at {clinic}.",
    "Your {shop} gift card balance is {amount}. It expires on 31/12.",
]
MARKETING = [
    "{shop}: {pct}% off everything this weekend for members. Reply STOP to opt out.",
    "{shop}: your birthday treat is here! Show this text in store for a free coffee. STOP to end",
    "{shop} sale ends {day}! Shop now at {url_legit} Reply STOP to unsubscribe",
    "New in at {shop}: spring collection now online {url_legit} Txt STOP to opt out",
    "{shop}: double points on all purchases until {day}. Reply STOP to opt out",
    "Thanks for shopping with {shop}! Rate your visit: {url_legit} STOP to opt out",
    "{shop} members: free delivery on orders over {amount} this week. STOP to stop",
]
SPAM = [
    "Congratulations! You have been selected to receive a {prize}. Claim now at {url_spam}",
    "URGENT! You have WON a {prize}. Call {premium} now to claim. T&Cs apply",
    "{courier}: your parcel could not be delivered. Pay the {small} redelivery fee at {url_spam}",
    "{courier}: we tried to deliver your package today. Reschedule here: {url_spam}",
    "{bank} ALERT: unusual sign-in detected on your account. Verify now at {url_spam} or it will be suspended",
    "{bank}: your account has been locked for security reasons. Unlock at {url_spam}",
    "{bank}: a new payee was added to your account. If this was NOT you visit {url_spam}",
    "Need cash fast? Get up to {amount} approved today, no credit checks. Reply YES",
    "You are pre-approved for a loan of {amount}. Apply in 2 minutes: {url_spam}",
    "Turn {small} into {amount} in 7 days with our AI trading bot. Join now {url_spam}",
    "Bitcoin is exploding! Our members made {amount} this week. Start with just {small}: {url_spam}",
    "Hi dear, I saw your profile and I think we have a lot in common. Text me on {phone}",
    "Hot singles in your area want to meet you tonight! {url_spam}",
    "FREE ringtones and wallpapers! Text WIN to {shortcode}. {small}/msg",
    "You have a pending tax refund of {amount}. Submit your claim at {url_spam}",
    "Your Netflix payment failed. Update your billing details at {url_spam} to avoid suspension",
    "Work from home and earn {amount} a week! No experience needed. WhatsApp {phone}",
    "We are hiring! Part-time online job, {small} per task, paid daily. Reply for details",
    "Hi mum, this is my new number, my phone broke. Can you text me on WhatsApp {phone}?",
    "Hello, is this {name}? It has been a long time, do you remember me?",
    "Your mobile number has won {amount} in the International Lottery. Claim code {ref}. Call {premium}",
    "Final notice: your vehicle tax is overdue. Pay now to avoid a fine: {url_spam}",
    "You have 1 unread voicemail. Listen here: {url_spam}",
    "Dear customer, your {shop} account will be closed today. Confirm your details {url_spam}",
    "Exclusive offer just for you!!! {pct}% off designer watches, today only {url_spam}",
    "Thank you for completing our survey. Collect your {prize} reward here {url_spam}",
    "Your energy bill refund of {small} is ready. Claim before midnight: {url_spam}",
    "WIN a {prize}! Just answer one simple question. Text YES to {shortcode}",
    "Your package is held at customs. Release fee {small}. Pay at {url_spam}",
    "Act now! Only 3 places left for the free investment seminar. Book at {url_spam}",
    "Someone tried to log in to your account from a new device. Not you? {url_spam}",
    "Get your free {prize} - limited stock, first come first served {url_spam}",
    "PRIVATE: you have an outstanding fine of {small}. Pay now or face court action {url_spam}",
    "Your subscription has been renewed for {amount}. To cancel call {premium}",
    "Hey {name}! long time no see, check my new photos {url_spam}",
    "Your {bank} card has been suspended due to suspicious activity. Call us on {phone} immediately",
    "RE: your order. We could not process your payment, please update your card here {url_spam}",
    "{name}, you have been chosen for a free trial of our weight loss pills. Reply YES to get yours",
    "Last chance to claim your {amount} compensation for the accident you had. Reply CLAIM",
    "Your cloud storage is full. Your photos will be deleted tomorrow. Upgrade for free: {url_spam}",
    "Good news! Your credit score qualifies you for a {amount} card. Apply now {url_spam}",
    "Hi, I'm a recruiter from {shop}. We liked your CV, salary {amount}/week. Reply on WhatsApp {phone}",
    "Your {courier} delivery address is incomplete. Confirm it within 12 hours: {url_spam}",
    "Meet local girls tonight, no sign-up needed, just reply HI to {shortcode}",
    "Your number has been chosen for a {prize}! To receive it, reply with your full name and address",
    "You have {n} reward points expiring today. Redeem them for a {prize} at {url_spam}",
    "Sorry wrong number! But you seem nice, what's your name? I'm {name}",
]
ABBREVIATIONS = {
    "you": "u",
    "are": "r",
    "to": "2",
    "for": "4",
    "tonight": "2nite",
    "please": "pls",
    "see": "c",
    "your": "ur",
    "thanks": "thx",
    "because": "cos",
    "later": "l8r",
    "tomorrow": "tmrw",
    "great": "gr8",
}
OBFUSCATE = {"free": "FR3E", "claim": "c1aim", "win": "W1N", "prize": "pr1ze", "cash": "ca$h", "won": "w0n"}


def _money(rng: np.random.Generator, low: float, high: float) -> str:
    value = rng.uniform(low, high)
    return f"£{value:,.2f}" if rng.random() < 0.5 else f"£{round(value):,}"


def _word(rng: np.random.Generator) -> str:
    return str(rng.choice(SPAM_WORDS))


def _token(rng: np.random.Generator, length: int) -> str:
    alphabet = np.array(list("abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"))
    return "".join(rng.choice(alphabet, size=length))


def _spam_url(rng: np.random.Generator) -> str:
    kind = rng.random()
    if kind < 0.35:
        return f"{rng.choice(SHORTENERS)}/{_token(rng, int(rng.integers(5, 8)))}"
    if kind < 0.7:
        brand = str(rng.choice(BANKS + COURIERS + SHOPS)).lower().replace(" ", "").replace("&", "")
        return f"http://{brand}-{_word(rng)}.{rng.choice(SPAM_TLDS)}"
    prefix = "https://" if rng.random() < 0.5 else "www."
    return f"{prefix}{_word(rng)}-{_word(rng)}{int(rng.integers(1, 99))}.{rng.choice(SPAM_TLDS)}/{_token(rng, 4)}"


def _legit_url(rng: np.random.Generator) -> str:
    brand = str(rng.choice(SHOPS + COURIERS + BANKS)).lower().replace(" ", "").replace("&", "and")
    if rng.random() < 0.1:
        return f"{rng.choice(SHORTENERS)}/{_token(rng, 6)}"
    return f"https://www.{brand}.co.uk/{rng.choice(['track', 'orders', 'account', 'help', 'offers'])}"


def _personal_url(rng: np.random.Generator) -> str:
    site = rng.choice(["youtube.com/watch?v=", "instagram.com/p/", "maps.app.goo.gl/", "open.spotify.com/track/"])
    return f"https://{site}{_token(rng, 9)}"


FILLERS = {
    "name": lambda r: str(r.choice(NAMES)),
    "place": lambda r: str(r.choice(PLACES)),
    "place_town": lambda r: str(r.choice(["Leeds", "York", "Bristol", "Reading", "Derby", "Bath"])),
    "item": lambda r: str(r.choice(ITEMS)),
    "day": lambda r: str(r.choice(DAYS)),
    "time": lambda r: f"{int(r.integers(1, 12))}{r.choice([':00', ':30', ':15', 'pm', 'am', ''])}",
    "n": lambda r: str(int(r.integers(2, 40))),
    "hour": lambda r: str(int(r.integers(8, 14))),
    "hour2": lambda r: str(int(r.integers(15, 20))),
    "code": lambda r: f"{int(r.integers(0, 1_000_000)):06d}",
    "card4": lambda r: f"{int(r.integers(0, 10_000)):04d}",
    "ref": lambda r: _token(r, 6).upper(),
    "track": lambda r: f"{r.choice(['PG', 'SP', 'RR', 'DD'])}{int(r.integers(10**8, 10**9))}",
    "amount": lambda r: _money(r, 15, 5000),
    "small": lambda r: _money(r, 0.99, 4.99),
    "pct": lambda r: str(int(r.choice([10, 15, 20, 25, 30, 40, 50, 70]))),
    "shop": lambda r: str(r.choice(SHOPS)),
    "bank": lambda r: str(r.choice(BANKS)),
    "courier": lambda r: str(r.choice(COURIERS)),
    "clinic": lambda r: str(r.choice(CLINICS)),
    "prize": lambda r: str(r.choice(PRIZES)),
    "phone": lambda r: f"{r.choice(['07', '+447', '+44 7'])}{int(r.integers(10**8, 10**9))}",
    "premium": lambda r: f"09{int(r.integers(10**8, 10**9))}",
    "shortcode": lambda r: str(int(r.integers(60000, 89999))),
    "url_spam": _spam_url,
    "url_legit": _legit_url,
    "url_personal": _personal_url,
}
SLOT = re.compile(r"\{([a-z_0-9]+)\}")


def _fill(template: str, rng: np.random.Generator) -> str:
    return SLOT.sub(lambda match: FILLERS[match.group(1)](rng), template)


def _typo(text: str, rng: np.random.Generator) -> str:
    if len(text) < 6:
        return text
    i = int(rng.integers(1, len(text) - 2))
    kind = rng.integers(0, 3)
    if kind == 0:
        return text[:i] + text[i + 1] + text[i] + text[i + 2 :]
    if kind == 1:
        return text[:i] + text[i + 1 :]
    return text[:i] + text[i] + text[i:]


def _words(text: str, mapping: dict[str, str], rng: np.random.Generator, p: float) -> str:
    out = []
    for word in text.split(" "):
        key = word.lower().strip("?!.,")
        if key in mapping and rng.random() < p:
            word = word.lower().replace(key, mapping[key])
        out.append(word)
    return " ".join(out)


def _personal_noise(text: str, rng: np.random.Generator) -> str:
    if rng.random() < 0.35:
        text = _words(text, ABBREVIATIONS, rng, 0.8)
    if rng.random() < 0.4:
        text = text.lower()
    elif rng.random() < 0.15:
        text = text[0].upper() + text[1:]
    for _ in range(int(rng.choice([0, 0, 0, 1, 1, 2]))):
        text = _typo(text, rng)
    if rng.random() < 0.3:
        text = f"{text} {rng.choice(EMOTES)}"
    if rng.random() < 0.1:
        text = text.rstrip("!?.") + "!!!"
    return text


def _spam_noise(text: str, rng: np.random.Generator) -> str:
    if rng.random() < 0.12:
        text = _words(text, OBFUSCATE, rng, 1.0)
    if rng.random() < 0.2:
        text = " ".join(w.upper() if rng.random() < 0.3 else w for w in text.split(" "))
    if rng.random() < 0.08:
        text = text.upper()
    if rng.random() < 0.15:
        text = _typo(text, rng)
    if rng.random() < 0.15:
        text = text.rstrip(".") + rng.choice(["!", "!!", "!!!", " >>", " :)"])
    if rng.random() < 0.1:
        text = text.lower()
    return text


def _service_noise(text: str, rng: np.random.Generator) -> str:
    if rng.random() < 0.05:
        text = _typo(text, rng)
    if rng.random() < 0.05:
        text = text.upper()
    return text


SENDERS = np.array(["contact", "unknown_number", "short_code", "alphanumeric"])
SENDER_PROBS = np.array(
    [
        [0.86, 0.13, 0.0, 0.01],
        [0.0, 0.05, 0.35, 0.60],
        [0.0, 0.02, 0.45, 0.53],
        [0.08, 0.57, 0.15, 0.20],
    ]
)
HOURS = np.arange(24)


def _hour_profile(peak: float, width: float, floor: float) -> np.ndarray:
    distance = np.minimum(np.abs(HOURS - peak), 24 - np.abs(HOURS - peak))
    weights = np.exp(-0.5 * (distance / width) ** 2) + floor
    return weights / weights.sum()


HOUR_PROBS = np.array(
    [
        _hour_profile(19.0, 4.0, 0.01),
        _hour_profile(13.0, 3.5, 0.005),
        _hour_profile(12.0, 3.0, 0.002),
        _hour_profile(14.0, 6.0, 0.08),
    ]
)


def _messages(family: np.ndarray, pools: list[list[str]], rng: np.random.Generator) -> np.ndarray:
    noise = [_personal_noise, _service_noise, _service_noise, _spam_noise]
    texts = np.empty(len(family), dtype=object)
    for i, f in enumerate(family):
        template = pools[f][int(rng.integers(0, len(pools[f])))]
        texts[i] = noise[f](_fill(template, rng), rng)
    return texts


def generate(seed: int) -> dict:
    rng = np.random.default_rng(seed)
    spam_order = rng.permutation(len(SPAM))
    old_spam = [SPAM[i] for i in spam_order[N_NEW_SPAM:]]
    new_spam = [SPAM[i] for i in spam_order[:N_NEW_SPAM]]
    service_order = rng.permutation(len(SERVICE))
    old_service = [SERVICE[i] for i in service_order[N_NEW_SERVICE:]]
    new_service = [SERVICE[i] for i in service_order[:N_NEW_SERVICE]]

    train_family = rng.choice(4, size=N_TRAIN, p=FAMILY_PROBS)
    test_family = rng.choice(4, size=N_TEST, p=FAMILY_PROBS)
    old_pools = [PERSONAL, old_service, MARKETING, old_spam]
    train_texts = _messages(train_family, old_pools, rng)
    test_texts = np.empty(N_TEST, dtype=object)
    is_new = rng.random(N_TEST) < np.select([test_family == 3, test_family == 1], [P_NEW_SPAM, P_NEW_SERVICE], 0.0)
    test_texts[~is_new] = _messages(test_family[~is_new], old_pools, rng)
    test_texts[is_new] = _messages(test_family[is_new], [PERSONAL, new_service, MARKETING, new_spam], rng)
    texts = np.concatenate([train_texts, test_texts])
    family = np.concatenate([train_family, test_family])
    n = N_TRAIN + N_TEST

    sender = np.array([rng.choice(SENDERS, p=SENDER_PROBS[f]) for f in family], dtype=object)
    sender[rng.random(n) < 0.03] = ""
    hour = np.array([rng.choice(HOURS, p=HOUR_PROBS[f]) for f in family], dtype=np.float64)
    hour[rng.random(n) < 0.02] = np.nan

    label = (family == 3).astype(np.int64)
    flip = rng.random(n) < 0.006
    label[flip] = 1 - label[flip]

    is_train = np.arange(n) < N_TRAIN
    reports = np.zeros(n, dtype=np.int64)
    old_spam_rows = is_train & (family == 3)
    reports[old_spam_rows] = rng.poisson(rng.lognormal(np.log(4.0), 0.8, size=old_spam_rows.sum()))
    old_marketing = is_train & (family == 2)
    reports[old_marketing] = rng.poisson(0.4, size=old_marketing.sum())
    old_other = is_train & (family < 2)
    reports[old_other] = rng.poisson(0.03, size=old_other.sum())
    fresh = ~is_train
    reports[fresh] = rng.poisson(np.where(family[fresh] == 3, 0.15, 0.01))

    ids = rng.choice(900_000, size=n, replace=False).astype(np.int64) + 100_000
    columns = {"id": ids, "text": texts, "sent_hour": hour, "sender_type": sender, "reported_by_users": reports}
    train = {k: v[is_train] for k, v in columns.items()}
    train["label"] = label[is_train]
    test = {k: v[~is_train] for k, v in columns.items()}
    labels = {"id": ids[~is_train], "label": label[~is_train]}
    return {"train": train, "test": test, "labels": labels}
