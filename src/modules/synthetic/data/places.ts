/**
 * Parts of fictional place and establishment names. Deliberately generic (a "Shanti Nagar" or "Hotel Sunrise"
 * exists in many towns): no real red-light area, hotel, spa or website is named, so no real place is tied to
 * a synthetic crime.
 */

export const localityRoots: readonly string[] = [
  'Gandhi',
  'Nehru',
  'Shastri',
  'Indira',
  'Rajiv',
  'Subhash',
  'Azad',
  'Ambedkar',
  'Tilak',
  'Patel',
  'Shanti',
  'Krishna',
  'Ram',
  'Shiv',
  'Laxmi',
  'Ganesh',
  'Hanuman',
  'Durga',
  'Kali',
  'Surya',
  'Chandra',
  'Vivekananda',
  'Netaji',
  'Sai',
  'Balaji',
  'Jawahar',
  'Kamla',
  'Vijay',
  'Adarsh',
  'Prem',
  'Anand',
  'Ashok',
  'Sundar',
  'Moti',
  'Hira',
  'Gulab',
  'Raja',
  'Rani',
  'Vikas',
  'Pragati',
  'Janata',
  'Bharat',
  'Lal',
  'Kisan',
  'Mahavir',
  'Sarojini',
  'Jyoti',
  'Nav',
  'Purana',
  'Naya',
];

/** Regional suffixes of locality names, keyed by a region tag from geography.ts. */
export const localitySuffixes: Readonly<Record<string, readonly string[]>> = {
  west: ['Nagar', 'Peth', 'Wadi', 'Chowk', 'Naka', 'Colony', 'Gaon'],
  south_te: ['Nagar', 'Guda', 'Pet', 'Palli', 'Colony', 'Bagh', 'Puram'],
  south_ka: ['Nagar', 'Halli', 'Pete', 'Palya', 'Layout', 'Colony'],
  south_ta: ['Nagar', 'Puram', 'Pettai', 'Palayam', 'Colony'],
  east: ['Pur', 'Ganj', 'Tala', 'Bazar', 'Para', 'Danga', 'Nagar', 'Colony'],
  north: ['Nagar', 'Ganj', 'Puri', 'Bagh', 'Mandi', 'Pura', 'Vihar', 'Colony', 'Enclave'],
  northeast: ['Nagar', 'Para', 'Gaon', 'Pur', 'Colony'],
};

/** Station names every district has; used with the district's name ("Pune Rural") or alone ("Kotwali"). */
export const stationStandalone: readonly string[] = [
  'Kotwali',
  'Sadar',
  'Civil Lines',
  'Cantonment',
  'Railway Colony',
  'Industrial Area',
  'Old City',
  'Bus Stand',
  'Highway',
  'Market',
];
export const stationWithDistrict: readonly string[] = ['Town', 'Rural', 'City', 'Women', 'Port', 'Camp'];

export const streetWords: readonly string[] = [
  'Main Road',
  'Station Road',
  'Market Road',
  'Temple Street',
  'Cross Road',
  'Lane No. 3',
  'Gali No. 7',
  'Near Bus Stand',
  'Behind Railway Station',
  'Opp. Government School',
  'Near Water Tank',
  'Mill Compound',
  'Highway Road',
  'Bypass Road',
  'Old Market',
  'Near Masjid',
  'Near Mandir',
  'Basti',
  'Jhuggi Camp',
];

export const establishmentNames: readonly string[] = [
  'Sunrise',
  'Green Park',
  'Shalimar',
  'Blue Moon',
  'Paradise',
  'Sagar',
  'Royal',
  'Kohinoor',
  'Silver Oak',
  'Golden',
  'Mayur',
  'Deluxe',
  'Neelkamal',
  'Star',
  'Galaxy',
  'Rainbow',
  'Moonlight',
  'Highway King',
  'Sapna',
  'Milan',
  'Rose',
  'Lotus',
  'Shree Sai',
  'New Bharat',
  'Anand',
  'Annapurna',
  'Prince',
  'Diamond',
];
export const brothelPremises: readonly string[] = [
  'Hotel {name} Lodge',
  '{name} Guest House',
  'rented flat, {name} Apartments',
  'first floor, {name} Residency',
  'kothi no. {n}',
  'room no. {n}, {name} Chawl',
  'house no. {n}',
  '{name} Orchestra Bar',
];
export const spaPremises: readonly string[] = [
  '{name} Spa & Wellness',
  '{name} Massage Centre',
  '{name} Beauty Parlour',
  '{name} Unisex Salon',
  '{name} Ayurvedic Centre',
  '{name} Family Spa',
];
export const highwayPremises: readonly string[] = [
  '{name} Dhaba',
  '{name} Family Restaurant',
  '{name} Truck Stop',
  '{name} Hotel & Bar',
  '{name} Motel',
];

/** Fictional classified-ad and file-sharing sites, all on the reserved `.example` top-level domain. */
export const adSites: readonly string[] = [
  'cityescorts.example',
  'adultclassifieds.example',
  'meetnow-ads.example',
  'dating-adda.example',
  'massagedirectory.example',
  'nightfriends.example',
  'quickdate-ads.example',
  'localgirls-classifieds.example',
];
export const csamSites: readonly string[] = [
  'fileshare.example',
  'cloudlocker.example',
  'chatgroups.example',
  'anonboard.example',
  'vidstash.example',
];
export const messengerInvites: readonly string[] = ['messenger.example/join', 'chatgroups.example/invite'];

/** Neutral email domains (RFC 2606 reserved) so no synthetic mailbox can be a real one. */
export const emailDomains: readonly string[] = [
  'mail.example',
  'example.com',
  'example.net',
  'inbox.example',
];
export const upiHandles: readonly string[] = [
  'okaxis',
  'ybl',
  'paytm',
  'oksbi',
  'okicici',
  'okhdfcbank',
  'ibl',
  'axl',
];
