"""Reference tables for locations: countries, US states, provinces and financial-centre cities."""

from __future__ import annotations

# Folded name (lower case, no accents or dots) -> ISO 3166-1 alpha-2.
# fmt: off
COUNTRIES: dict[str, str] = {
    "united states": "US", "united states of america": "US", "usa": "US", "us": "US", "america": "US",
    "united kingdom": "GB", "uk": "GB", "gb": "GB", "gbr": "GB", "great britain": "GB", "britain": "GB",
    "england": "GB", "scotland": "GB", "wales": "GB", "northern ireland": "GB", "canada": "CA", "can": "CA",
    "ireland": "IE", "irl": "IE", "france": "FR", "fra": "FR", "germany": "DE", "deutschland": "DE",
    "deu": "DE", "netherlands": "NL", "the netherlands": "NL", "holland": "NL", "nld": "NL",
    "switzerland": "CH", "schweiz": "CH", "suisse": "CH", "che": "CH", "luxembourg": "LU", "belgium": "BE",
    "austria": "AT", "spain": "ES", "esp": "ES", "portugal": "PT", "italy": "IT", "ita": "IT", "sweden": "SE",
    "denmark": "DK", "norway": "NO", "finland": "FI", "iceland": "IS", "poland": "PL", "czech republic": "CZ",
    "czechia": "CZ", "hungary": "HU", "romania": "RO", "greece": "GR", "estonia": "EE", "lithuania": "LT",
    "latvia": "LV", "cyprus": "CY", "malta": "MT", "bulgaria": "BG", "croatia": "HR", "serbia": "RS",
    "ukraine": "UA", "turkey": "TR", "turkiye": "TR", "israel": "IL", "isr": "IL",
    "united arab emirates": "AE", "uae": "AE", "saudi arabia": "SA", "qatar": "QA", "bahrain": "BH",
    "egypt": "EG", "south africa": "ZA", "nigeria": "NG", "kenya": "KE", "india": "IN", "ind": "IN",
    "pakistan": "PK", "singapore": "SG", "sgp": "SG", "hong kong": "HK", "hong kong sar": "HK", "hkg": "HK",
    "china": "CN", "mainland china": "CN", "prc": "CN", "chn": "CN", "japan": "JP", "jpn": "JP",
    "south korea": "KR", "korea": "KR", "republic of korea": "KR", "kor": "KR", "taiwan": "TW",
    "malaysia": "MY", "thailand": "TH", "vietnam": "VN", "indonesia": "ID", "philippines": "PH",
    "australia": "AU", "aus": "AU", "new zealand": "NZ", "brazil": "BR", "bra": "BR", "mexico": "MX",
    "mex": "MX", "argentina": "AR", "chile": "CL", "colombia": "CO", "peru": "PE", "uruguay": "UY",
    "costa rica": "CR",
}
# fmt: on
# Two-letter codes we accept as countries when a text says e.g. "Remote (DE)".
COUNTRY_CODES = frozenset(COUNTRIES.values())

# fmt: off
US_STATES: dict[str, str] = {
    "alabama": "AL", "alaska": "AK", "arizona": "AZ", "arkansas": "AR", "california": "CA", "colorado": "CO",
    "connecticut": "CT", "delaware": "DE", "district of columbia": "DC", "florida": "FL", "georgia": "GA",
    "hawaii": "HI", "idaho": "ID", "illinois": "IL", "indiana": "IN", "iowa": "IA", "kansas": "KS",
    "kentucky": "KY", "louisiana": "LA", "maine": "ME", "maryland": "MD", "massachusetts": "MA",
    "michigan": "MI", "minnesota": "MN", "mississippi": "MS", "missouri": "MO", "montana": "MT",
    "nebraska": "NE", "nevada": "NV", "new hampshire": "NH", "new jersey": "NJ", "new mexico": "NM",
    "new york": "NY", "north carolina": "NC", "north dakota": "ND", "ohio": "OH", "oklahoma": "OK",
    "oregon": "OR", "pennsylvania": "PA", "rhode island": "RI", "south carolina": "SC", "south dakota": "SD",
    "tennessee": "TN", "texas": "TX", "utah": "UT", "vermont": "VT", "virginia": "VA", "washington": "WA",
    "west virginia": "WV", "wisconsin": "WI", "wyoming": "WY", "puerto rico": "PR",
}
# fmt: on
# Provinces and states of other countries whose postings commonly write "City, XX".
# fmt: off
OTHER_REGIONS: dict[str, tuple[str, str]] = {
    "ontario": ("ON", "CA"), "on": ("ON", "CA"), "quebec": ("QC", "CA"), "qc": ("QC", "CA"),
    "british columbia": ("BC", "CA"), "bc": ("BC", "CA"), "alberta": ("AB", "CA"), "ab": ("AB", "CA"),
    "manitoba": ("MB", "CA"), "nova scotia": ("NS", "CA"), "ns": ("NS", "CA"), "new south wales": ("NSW",
    "AU"), "nsw": ("NSW", "AU"), "victoria": ("VIC", "AU"), "vic": ("VIC", "AU"), "queensland": ("QLD", "AU"),
    "qld": ("QLD", "AU"), "act": ("ACT", "AU"), "karnataka": ("KA", "IN"), "maharashtra": ("MH", "IN"),
    "telangana": ("TG", "IN"), "haryana": ("HR", "IN"),
}
# fmt: on

# Folded city name or alias -> (display name, country). Financial centres and big tech hubs.
# fmt: off
CITIES: dict[str, tuple[str, str]] = {
    "new york": ("New York", "US"), "new york city": ("New York", "US"), "nyc": ("New York", "US"),
    "manhattan": ("New York", "US"), "san francisco": ("San Francisco", "US"), "sf": ("San Francisco", "US"),
    "chicago": ("Chicago", "US"), "boston": ("Boston", "US"), "seattle": ("Seattle", "US"),
    "austin": ("Austin", "US"), "los angeles": ("Los Angeles", "US"), "greenwich": ("Greenwich", "US"),
    "stamford": ("Stamford", "US"), "miami": ("Miami", "US"), "dallas": ("Dallas", "US"),
    "houston": ("Houston", "US"), "atlanta": ("Atlanta", "US"), "charlotte": ("Charlotte", "US"),
    "philadelphia": ("Philadelphia", "US"), "denver": ("Denver", "US"), "jersey city": ("Jersey City", "US"),
    "palo alto": ("Palo Alto", "US"), "menlo park": ("Menlo Park", "US"), "mountain view": ("Mountain View",
    "US"), "san jose": ("San Jose", "US"), "washington dc": ("Washington", "US"), "pittsburgh": ("Pittsburgh",
    "US"), "toronto": ("Toronto", "CA"), "montreal": ("Montreal", "CA"), "vancouver": ("Vancouver", "CA"),
    "london": ("London", "GB"), "edinburgh": ("Edinburgh", "GB"), "manchester": ("Manchester", "GB"),
    "glasgow": ("Glasgow", "GB"), "belfast": ("Belfast", "GB"), "dublin": ("Dublin", "IE"), "paris": ("Paris",
    "FR"), "frankfurt": ("Frankfurt", "DE"), "frankfurt am main": ("Frankfurt", "DE"), "berlin": ("Berlin",
    "DE"), "munich": ("Munich", "DE"), "munchen": ("Munich", "DE"), "amsterdam": ("Amsterdam", "NL"),
    "zurich": ("Zurich", "CH"), "geneva": ("Geneva", "CH"), "geneve": ("Geneva", "CH"),
    "luxembourg": ("Luxembourg", "LU"), "madrid": ("Madrid", "ES"), "barcelona": ("Barcelona", "ES"),
    "milan": ("Milan", "IT"), "stockholm": ("Stockholm", "SE"), "copenhagen": ("Copenhagen", "DK"),
    "oslo": ("Oslo", "NO"), "helsinki": ("Helsinki", "FI"), "warsaw": ("Warsaw", "PL"), "krakow": ("Krakow",
    "PL"), "lisbon": ("Lisbon", "PT"), "brussels": ("Brussels", "BE"), "vienna": ("Vienna", "AT"),
    "prague": ("Prague", "CZ"), "tel aviv": ("Tel Aviv", "IL"), "dubai": ("Dubai", "AE"),
    "abu dhabi": ("Abu Dhabi", "AE"), "singapore": ("Singapore", "SG"), "hong kong": ("Hong Kong", "HK"),
    "hong kong sar": ("Hong Kong", "HK"), "tokyo": ("Tokyo", "JP"), "shanghai": ("Shanghai", "CN"),
    "beijing": ("Beijing", "CN"), "shenzhen": ("Shenzhen", "CN"), "seoul": ("Seoul", "KR"),
    "taipei": ("Taipei", "TW"), "kuala lumpur": ("Kuala Lumpur", "MY"), "sydney": ("Sydney", "AU"),
    "melbourne": ("Melbourne", "AU"), "mumbai": ("Mumbai", "IN"), "bombay": ("Mumbai", "IN"),
    "bengaluru": ("Bengaluru", "IN"), "bangalore": ("Bengaluru", "IN"), "hyderabad": ("Hyderabad", "IN"),
    "pune": ("Pune", "IN"), "gurugram": ("Gurugram", "IN"), "gurgaon": ("Gurugram", "IN"),
    "chennai": ("Chennai", "IN"), "sao paulo": ("Sao Paulo", "BR"), "mexico city": ("Mexico City", "MX"),
    "johannesburg": ("Johannesburg", "ZA"), "cape town": ("Cape Town", "ZA"), "auckland": ("Auckland", "NZ"),
}
# fmt: on
