package main

// person is one synthetic candidate: who they are, written by hand; their
// career is drawn from a seeded generator (see career.go).
type person struct {
	Name    string // as written in the resume
	First   string // for layouts that split the name (moderncv, europecv); Last holds the rest
	Last    string
	Script  string // latin, caps, cjk, arabic, cyrillic, greek
	Email   string
	Phone   string // as printed
	E164    string
	City    string
	Country string // ISO 3166 alpha-2
	Track   string // key of tracks
	Slug    string // ASCII file-name stem, as people name their uploads
}

// people are the candidates of the set. Phone numbers use ranges set aside
// for fiction where a country has one (UK 020 7946 0xxx and 07700 900xxx,
// North America 555-01xx) and otherwise plausible numbers; domains are
// example domains.
var people = []person{
	{Name: "María José Núñez Ortega", First: "María José", Last: "Núñez Ortega", Script: "latin", Email: "maría.núñez@example.es", Phone: "+34 612 345 678", E164: "+34612345678", City: "Madrid", Country: "ES", Track: "backend", Slug: "maria-nunez"},
	{Name: "Jan van der Berg", First: "Jan", Last: "van der Berg", Script: "latin", Email: "jan.vanderberg@example.nl", Phone: "+31 6 1234 5678", E164: "+31612345678", City: "Utrecht", Country: "NL", Track: "devops", Slug: "jan-van-der-berg"},
	{Name: "Ana de la Cruz", First: "Ana", Last: "de la Cruz", Script: "latin", Email: "ana.delacruz@example.mx", Phone: "+52 55 1234 5678", E164: "+525512345678", City: "Ciudad de México", Country: "MX", Track: "data", Slug: "ana-de-la-cruz"},
	{Name: "Ludwig von Hohenberg", First: "Ludwig", Last: "von Hohenberg", Script: "latin", Email: "l.vonhohenberg@example.de", Phone: "+49 30 12345678", E164: "+493012345678", City: "Berlin", Country: "DE", Track: "backend", Slug: "ludwig-hohenberg"},
	{Name: "François Lefèvre", First: "François", Last: "Lefèvre", Script: "latin", Email: "francois.lefevre@example.fr", Phone: "+33 6 12 34 56 78", E164: "+33612345678", City: "Lyon", Country: "FR", Track: "frontend", Slug: "francois-lefevre"},
	{Name: "Łukasz Wiśniewski", First: "Łukasz", Last: "Wiśniewski", Script: "latin", Email: "lukasz.wisniewski@example.pl", Phone: "+48 512 345 678", E164: "+48512345678", City: "Kraków", Country: "PL", Track: "backend", Slug: "lukasz-wisniewski"},
	{Name: "Zoë Ångström", First: "Zoë", Last: "Ångström", Script: "latin", Email: "zoe.angstrom@example.se", Phone: "+46 70 123 45 67", E164: "+46701234567", City: "Göteborg", Country: "SE", Track: "frontend", Slug: "zoe-angstrom"},
	{Name: "João Pedro dos Santos", First: "João Pedro", Last: "dos Santos", Script: "latin", Email: "joao.santos@example.com.br", Phone: "+55 11 91234-5678", E164: "+5511912345678", City: "São Paulo", Country: "BR", Track: "mobile", Slug: "joao-santos"},
	{Name: "Siobhán O'Sullivan", First: "Siobhán", Last: "O'Sullivan", Script: "latin", Email: "siobhan.osullivan@example.ie", Phone: "+353 87 123 4567", E164: "+353871234567", City: "Cork", Country: "IE", Track: "qa", Slug: "siobhan-osullivan"},
	{Name: "Pieter de Vries", First: "Pieter", Last: "de Vries", Script: "latin", Email: "pieter.devries@example.nl", Phone: "020 123 4567", E164: "+31201234567", City: "Amsterdam", Country: "NL", Track: "data", Slug: "pieter-de-vries"},
	{Name: "Carlos del Río", First: "Carlos", Last: "del Río", Script: "latin", Email: "carlos.delrio@example.cl", Phone: "+56 9 1234 5678", E164: "+56912345678", City: "Santiago", Country: "CL", Track: "devops", Slug: "carlos-del-rio"},
	{Name: "Søren Kjær Mikkelsen", First: "Søren Kjær", Last: "Mikkelsen", Script: "latin", Email: "søren.mikkelsen@example.dk", Phone: "+45 20 12 34 56", E164: "+4520123456", City: "Aarhus", Country: "DK", Track: "backend", Slug: "soren-mikkelsen"},
	{Name: "Mary-Kate Smith-Jones", First: "Mary-Kate", Last: "Smith-Jones", Script: "latin", Email: "mk.smithjones@example.co.uk", Phone: "+44 20 7946 0321", E164: "+442079460321", City: "London", Country: "GB", Track: "pm", Slug: "mary-kate-smith-jones"},
	{Name: "Renée Dubois-Lambert", First: "Renée", Last: "Dubois-Lambert", Script: "latin", Email: "renee.dubois@example.ca", Phone: "(514) 555-0178", E164: "+15145550178", City: "Montréal", Country: "CA", Track: "frontend", Slug: "renee-dubois"},
	{Name: "Giulia Bianchi", First: "Giulia", Last: "Bianchi", Script: "latin", Email: "giulia.bianchi@example.it", Phone: "+39 333 123 4567", E164: "+393331234567", City: "Torino", Country: "IT", Track: "data", Slug: "giulia-bianchi"},
	{Name: "Nguyễn Thị Minh Anh", First: "Nguyễn Thị", Last: "Minh Anh", Script: "latin", Email: "minhanh.nguyen@example.vn", Phone: "+84 91 234 56 78", E164: "+84912345678", City: "Hà Nội", Country: "VN", Track: "qa", Slug: "minh-anh-nguyen"},
	{Name: "Mehmet Yılmaz", First: "Mehmet", Last: "Yılmaz", Script: "latin", Email: "mehmet.yilmaz@example.com.tr", Phone: "+90 532 123 45 67", E164: "+905321234567", City: "İzmir", Country: "TR", Track: "backend", Slug: "mehmet-yilmaz"},
	{Name: "Ngozi Okonkwo-Adeyemi", First: "Ngozi", Last: "Okonkwo-Adeyemi", Script: "latin", Email: "ngozi.okonkwo@example.ng", Phone: "+234 803 123 4567", E164: "+2348031234567", City: "Lagos", Country: "NG", Track: "data", Slug: "ngozi-okonkwo"},
	{Name: "Thomas Müller-Lüdenscheidt", First: "Thomas", Last: "Müller-Lüdenscheidt", Script: "latin", Email: "thomas.mueller@example.de", Phone: "030 1234567", E164: "+49301234567", City: "Berlin", Country: "DE", Track: "embedded", Slug: "thomas-mueller"},
	{Name: "Anne-Marie van den Heuvel", First: "Anne-Marie", Last: "van den Heuvel", Script: "latin", Email: "annemarie.vdheuvel@example.be", Phone: "+32 470 12 34 56", E164: "+32470123456", City: "Gent", Country: "BE", Track: "devops", Slug: "anne-marie-van-den-heuvel"},
	{Name: "Juan Carlos de los Santos", First: "Juan Carlos", Last: "de los Santos", Script: "latin", Email: "jc.delossantos@example.co", Phone: "+57 310 123 4567", E164: "+573101234567", City: "Medellín", Country: "CO", Track: "mobile", Slug: "juan-carlos-de-los-santos"},
	{Name: "Émilie Côté", First: "Émilie", Last: "Côté", Script: "latin", Email: "emilie.cote@example.ca", Phone: "418.555.0142", E164: "+14185550142", City: "Québec", Country: "CA", Track: "qa", Slug: "emilie-cote"},
	{Name: "Ólafur Guðmundsson", First: "Ólafur", Last: "Guðmundsson", Script: "latin", Email: "olafur.g@example.is", Phone: "+354 612 3456", E164: "+3546123456", City: "Reykjavík", Country: "IS", Track: "backend", Slug: "olafur-gudmundsson"},
	{Name: "Marco Di Stefano", First: "Marco", Last: "Di Stefano", Script: "latin", Email: "marco.distefano@example.it", Phone: "+39 06 1234 5678", E164: "+390612345678", City: "Roma", Country: "IT", Track: "devops", Slug: "marco-di-stefano"},
	{Name: "DANIELA ROSSI", First: "DANIELA", Last: "ROSSI", Script: "caps", Email: "daniela.rossi@example.com", Phone: "+39 347 765 4321", E164: "+393477654321", City: "Milano", Country: "IT", Track: "frontend", Slug: "daniela-rossi"},
	{Name: "KWAME MENSAH", First: "KWAME", Last: "MENSAH", Script: "caps", Email: "kwame.mensah@example.com", Phone: "+233 24 123 4567", E164: "+233241234567", City: "Accra", Country: "GH", Track: "backend", Slug: "kwame-mensah"},
	{Name: "OLIVER BENNETT", First: "OLIVER", Last: "BENNETT", Script: "caps", Email: "oliver.bennett@example.co.uk", Phone: "07700 900123", E164: "+447700900123", City: "Manchester", Country: "GB", Track: "devops", Slug: "oliver-bennett"},
	{Name: "PRIYA RAMANATHAN", First: "PRIYA", Last: "RAMANATHAN", Script: "caps", Email: "priya.r@example.in", Phone: "+91 98450 12345", E164: "+919845012345", City: "Bengaluru", Country: "IN", Track: "data", Slug: "priya-ramanathan"},
	{Name: "SARAH O'NEILL", First: "SARAH", Last: "O'NEILL", Script: "caps", Email: "sarah.oneill@example.com", Phone: "(617) 555-0199", E164: "+16175550199", City: "Boston, MA", Country: "US", Track: "pm", Slug: "sarah-oneill"},
	{Name: "HANS-PETER SCHNEIDER", First: "HANS-PETER", Last: "SCHNEIDER", Script: "caps", Email: "hp.schneider@example.de", Phone: "+49 89 12345678", E164: "+498912345678", City: "München", Country: "DE", Track: "embedded", Slug: "hans-peter-schneider"},
	{Name: "Michael Thompson", First: "Michael", Last: "Thompson", Script: "latin", Email: "mthompson@example.com", Phone: "(312) 555-0110", E164: "+13125550110", City: "Chicago, IL", Country: "US", Track: "backend", Slug: "michael-thompson"},
	{Name: "Jennifer Walsh", First: "Jennifer", Last: "Walsh", Script: "latin", Email: "jen.walsh@example.com", Phone: "607.555.0183", E164: "+16075550183", City: "Ithaca, NY", Country: "US", Track: "frontend", Slug: "jennifer-walsh"},
	{Name: "Rahul Verma", First: "Rahul", Last: "Verma", Script: "latin", Email: "rahul.verma@example.in", Phone: "(+91) 98765 43210", E164: "+919876543210", City: "Pune", Country: "IN", Track: "devops", Slug: "rahul-verma"},
	{Name: "Aisha Bello", First: "Aisha", Last: "Bello", Script: "latin", Email: "aisha.bello@example.ng", Phone: "+234 802 345 6789", E164: "+2348023456789", City: "Abuja", Country: "NG", Track: "qa", Slug: "aisha-bello"},
	{Name: "David Cohen", First: "David", Last: "Cohen", Script: "latin", Email: "david.cohen@example.co.il", Phone: "+972 54-123-4567", E164: "+972541234567", City: "Tel Aviv", Country: "IL", Track: "backend", Slug: "david-cohen"},
	{Name: "Emma Wilson", First: "Emma", Last: "Wilson", Script: "latin", Email: "emma.wilson@example.com.au", Phone: "+61 412 345 678", E164: "+61412345678", City: "Melbourne", Country: "AU", Track: "frontend", Slug: "emma-wilson"},
	{Name: "Lucas Martin", First: "Lucas", Last: "Martin", Script: "latin", Email: "lucas.martin@example.fr", Phone: "06 12 34 56 78", E164: "+33612345678", City: "Nantes", Country: "FR", Track: "mobile", Slug: "lucas-martin"},
	{Name: "Chloe Nguyen", First: "Chloe", Last: "Nguyen", Script: "latin", Email: "chloe.nguyen@example.com", Phone: "415-555-0123", E164: "+14155550123", City: "San Francisco, CA", Country: "US", Track: "data", Slug: "chloe-nguyen"},
	{Name: "Kevin O'Brien", First: "Kevin", Last: "O'Brien", Script: "latin", Email: "kevin.obrien+jobs@example.com", Phone: "+1 646 555 0155", E164: "+16465550155", City: "New York, NY", Country: "US", Track: "devops", Slug: "kevin-obrien"},
	{Name: "Isabella García-Márquez", First: "Isabella", Last: "García-Márquez", Script: "latin", Email: "isabella.garcia@example.com.ar", Phone: "+54 9 11 1234-5678", E164: "+5491112345678", City: "Buenos Aires", Country: "AR", Track: "frontend", Slug: "isabella-garcia"},
	{Name: "王晓明", First: "王晓明", Script: "cjk", Email: "wangxm@example.cn", Phone: "+86 138 0013 8000", E164: "+8613800138000", City: "上海", Country: "CN", Track: "backend", Slug: "wang-xiaoming"},
	{Name: "李娜", First: "李娜", Script: "cjk", Email: "lina.dev@example.com", Phone: "+86 139 1234 5678", E164: "+8613912345678", City: "深圳", Country: "CN", Track: "data", Slug: "li-na"},
	{Name: "陳志強", First: "陳志強", Script: "cjk", Email: "chen.zq@example.tw", Phone: "+886 912 345 678", E164: "+886912345678", City: "台北", Country: "TW", Track: "mobile", Slug: "chen-zhiqiang"},
	{Name: "张伟", First: "张伟", Script: "cjk", Email: "zhang.wei@example.cn", Phone: "+86 10 6552 1234", E164: "+861065521234", City: "北京", Country: "CN", Track: "devops", Slug: "zhang-wei"},
	{Name: "劉洋", First: "劉洋", Script: "cjk", Email: "liu.yang@example.hk", Phone: "+852 9123 4567", E164: "+85291234567", City: "香港", Country: "HK", Track: "frontend", Slug: "liu-yang"},
	{Name: "山田 花子", First: "山田 花子", Script: "cjk", Email: "hanako.yamada@example.jp", Phone: "+81 90-1234-5678", E164: "+819012345678", City: "東京", Country: "JP", Track: "qa", Slug: "yamada-hanako"},
	{Name: "佐藤 健", First: "佐藤 健", Script: "cjk", Email: "ken.sato@example.jp", Phone: "03-1234-5678", E164: "+81312345678", City: "東京", Country: "JP", Track: "backend", Slug: "sato-ken"},
	{Name: "鈴木 一郎", First: "鈴木 一郎", Script: "cjk", Email: "ichiro.suzuki@example.jp", Phone: "+81 80 9876 5432", E164: "+818098765432", City: "大阪", Country: "JP", Track: "embedded", Slug: "suzuki-ichiro"},
	{Name: "高橋 美咲", First: "高橋 美咲", Script: "cjk", Email: "misaki.t@example.jp", Phone: "+81 6-6123-4567", E164: "+81661234567", City: "大阪", Country: "JP", Track: "data", Slug: "takahashi-misaki"},
	{Name: "김민준", First: "김민준", Script: "cjk", Email: "minjun.kim@example.kr", Phone: "+82 10-1234-5678", E164: "+821012345678", City: "서울", Country: "KR", Track: "backend", Slug: "kim-minjun"},
	{Name: "이서연", First: "이서연", Script: "cjk", Email: "seoyeon.lee@example.kr", Phone: "010-9876-5432", E164: "+821098765432", City: "부산", Country: "KR", Track: "frontend", Slug: "lee-seoyeon"},
	{Name: "박지훈", First: "박지훈", Script: "cjk", Email: "jihoon.park@example.kr", Phone: "+82 2 312 3456", E164: "+8223123456", City: "서울", Country: "KR", Track: "devops", Slug: "park-jihoon"},
	{Name: "최유진", First: "최유진", Script: "cjk", Email: "yujin.choi@example.kr", Phone: "+82 10 2345 6789", E164: "+821023456789", City: "인천", Country: "KR", Track: "data", Slug: "choi-yujin"},
	{Name: "محمد العلي", Script: "arabic", Email: "m.alali@example.sa", Phone: "+966 50 123 4567", E164: "+966501234567", City: "الرياض", Country: "SA", Track: "backend", Slug: "mohammed-alali"},
	{Name: "فاطمة بن علي", Script: "arabic", Email: "fatima.benali@example.ma", Phone: "+212 612-345678", E164: "+212612345678", City: "الدار البيضاء", Country: "MA", Track: "data", Slug: "fatima-benali"},
	{Name: "أحمد حسن", Script: "arabic", Email: "ahmed.hassan@example.eg", Phone: "+20 10 1234 5678", E164: "+201012345678", City: "القاهرة", Country: "EG", Track: "devops", Slug: "ahmed-hassan"},
	{Name: "ليلى خوري", Script: "arabic", Email: "layla.khoury@example.com", Phone: "+961 3 123 456", E164: "+9613123456", City: "بيروت", Country: "LB", Track: "frontend", Slug: "layla-khoury"},
	{Name: "عمر الفاروق", Script: "arabic", Email: "omar.f@example.ae", Phone: "+971 50 123 4567", E164: "+971501234567", City: "دبي", Country: "AE", Track: "mobile", Slug: "omar-farouk"},
	{Name: "Иван Петров", First: "Иван", Last: "Петров", Script: "cyrillic", Email: "ivan.petrov@example.ru", Phone: "+7 (495) 123-45-67", E164: "+74951234567", City: "Москва", Country: "RU", Track: "backend", Slug: "ivan-petrov"},
	{Name: "Ольга Смирнова", First: "Ольга", Last: "Смирнова", Script: "cyrillic", Email: "olga.smirnova@example.ru", Phone: "+7 916 123-45-67", E164: "+79161234567", City: "Казань", Country: "RU", Track: "qa", Slug: "olga-smirnova"},
	{Name: "Олександр Коваленко", First: "Олександр", Last: "Коваленко", Script: "cyrillic", Email: "o.kovalenko@example.ua", Phone: "+380 67 123 4567", E164: "+380671234567", City: "Київ", Country: "UA", Track: "devops", Slug: "oleksandr-kovalenko"},
	{Name: "Анна Кузнецова", First: "Анна", Last: "Кузнецова", Script: "cyrillic", Email: "анна.кузнецова@пример.рф", Phone: "8 (812) 123-45-67", E164: "+78121234567", City: "Санкт-Петербург", Country: "RU", Track: "data", Slug: "anna-kuznetsova"},
	{Name: "Дмитрий Соколов", First: "Дмитрий", Last: "Соколов", Script: "cyrillic", Email: "d.sokolov@example.ru", Phone: "+7 903 765 43 21", E164: "+79037654321", City: "Новосибирск", Country: "RU", Track: "embedded", Slug: "dmitry-sokolov"},
	{Name: "Γιώργος Παπαδόπουλος", First: "Γιώργος", Last: "Παπαδόπουλος", Script: "greek", Email: "g.papadopoulos@example.gr", Phone: "+30 691 234 5678", E164: "+306912345678", City: "Αθήνα", Country: "GR", Track: "backend", Slug: "giorgos-papadopoulos"},
	{Name: "Yusuf al-Amin", First: "Yusuf", Last: "al-Amin", Script: "latin", Email: "yusuf.alamin@example.com", Phone: "+44 7700 900456", E164: "+447700900456", City: "Birmingham", Country: "GB", Track: "data", Slug: "yusuf-al-amin"},
	{Name: "Bjørn Ødegård", First: "Bjørn", Last: "Ødegård", Script: "latin", Email: "bjorn.odegard@example.no", Phone: "+47 412 34 567", E164: "+4741234567", City: "Bergen", Country: "NO", Track: "devops", Slug: "bjorn-odegard"},
	{Name: "अमित शर्मा", Script: "devanagari", Email: "amit.sharma@example.in", Phone: "+91 80412 34567", E164: "+918041234567", City: "नई दिल्ली", Country: "IN", Track: "backend", Slug: "amit-sharma"},
	{Name: "Tran Thi Thu Ha", First: "Tran Thi", Last: "Thu Ha", Script: "latin", Email: "thuha.tran@example.vn", Phone: "+84 90 876 54 32", E164: "+84908765432", City: "Da Nang", Country: "VN", Track: "qa", Slug: "tran-thu-ha"},
}
