/**
 * The guide's English texts (knowledge.guide.ts, condensed from seed 004) translated into French,
 * Spanish, Portuguese and Arabic for the migration that moves the guide into the database. They are
 * translations, and marked so (`translated: true`) wherever they are shown.
 */
import type { Approach } from '../../taxonomy/approaches.ts';

export type OtherLocale = 'fr' | 'es' | 'pt' | 'ar';
type Paragraphs = { definition: string; participation: string; duration: string; budget: string };

export const APPROACH_TRANSLATIONS: Readonly<Record<Approach, Record<OtherLocale, Paragraphs>>> = {
  city_to_city_partnership: {
    fr: {
      definition:
        "Un partenariat de ville à ville relie une commune de Flandre à une commune du Sud global pour renforcer la bonne gouvernance locale dans les deux, par l'échange mutuel de connaissances, d'expériences et de soutien. Son cœur est la réciprocité : une stratégie élaborée ensemble autour de thèmes sur lesquels les deux travaillent (gestion des déchets, développement économique local, numérisation du registre de la population, participation citoyenne, citoyenneté mondiale…), et non un transfert de ressources selon un modèle donateur–bénéficiaire.",
      participation: "Une approche multi-acteurs : plusieurs domaines de la politique communale, aux niveaux administratif et politique, avec des organisations de la société civile, des entreprises et des institutions de connaissance. La mesure dans laquelle elle prend forme détermine fortement l'impact et le soutien public et politique.",
      duration: 'Une coopération de long terme, qui construit une relation de confiance.',
      budget: "Un chargé de politique internationale (au moins 0,5 ETP) ; la VVSG recommande au moins 10 000 € par an sur fonds propres, souvent avec des subventions fédérales, européennes (par exemple Partnerships for Sustainable Cities) ou provinciales.",
    },
    es: {
      definition:
        'Una asociación de ciudad a ciudad une un municipio de Flandes con uno del Sur global para fortalecer la buena gobernanza local en ambos, mediante el intercambio mutuo de conocimientos, experiencias y apoyo. Su núcleo es la reciprocidad: una estrategia elaborada en común en torno a temas en los que ambos trabajan (gestión de residuos, desarrollo económico local, digitalización del padrón, participación ciudadana, ciudadanía global…), no una transferencia de recursos en un modelo de donante y receptor.',
      participation: 'Un enfoque de múltiples actores: varias áreas de la política municipal en el nivel administrativo y político, junto con organizaciones de la sociedad civil, empresas e instituciones de conocimiento. Hasta qué punto se concreta determina en gran medida el impacto y el apoyo público y político.',
      duration: 'Cooperación a largo plazo, que construye una relación de confianza.',
      budget: 'Un responsable de política internacional (al menos 0,5 equivalente a tiempo completo); la VVSG recomienda al menos 10.000 € al año de recursos propios, a menudo con subvenciones federales, europeas (p. ej. Partnerships for Sustainable Cities) o provinciales.',
    },
    pt: {
      definition:
        'Uma parceria entre cidades liga um município da Flandres a um do Sul global para reforçar a boa governação local em ambos, através da troca mútua de conhecimentos, experiências e apoio. O seu núcleo é a reciprocidade: uma estratégia desenvolvida em conjunto em torno de temas em que ambos trabalham (gestão de resíduos, desenvolvimento económico local, digitalização do registo da população, participação cidadã, cidadania global…), e não uma transferência de recursos num modelo de doador e beneficiário.',
      participation: 'Uma abordagem multiatores: várias áreas da política municipal, a nível administrativo e político, com organizações da sociedade civil, empresas e instituições de conhecimento. A medida em que se concretiza determina fortemente o impacto e o apoio público e político.',
      duration: 'Cooperação de longo prazo, que constrói uma relação de confiança.',
      budget: 'Um responsável pela política internacional (pelo menos 0,5 ETI); a VVSG recomenda pelo menos 10 000 € por ano de recursos próprios, muitas vezes com subsídios federais, europeus (por exemplo Partnerships for Sustainable Cities) ou provinciais.',
    },
    ar: {
      definition:
        'تربط الشراكة بين مدينتين بلدية في فلاندرز ببلدية في الجنوب العالمي لتعزيز الحكم المحلي الرشيد في كلتيهما، من خلال التبادل المتبادل للمعارف والخبرات والدعم. جوهرها المعاملة بالمثل: استراتيجية تُوضع معاً حول مواضيع تعمل عليها البلديتان (إدارة النفايات، التنمية الاقتصادية المحلية، رقمنة سجل السكان، مشاركة المواطنين، المواطنة العالمية…)، لا نقل موارد وفق نموذج المانح والمتلقي.',
      participation: 'نهج متعدد الأطراف: عدة مجالات من السياسة البلدية على المستويين الإداري والسياسي، مع منظمات المجتمع المدني والشركات والمؤسسات المعرفية. ويحدد مدى تحققه إلى حد كبير الأثر والدعم العام والسياسي.',
      duration: 'تعاون طويل الأمد يبني علاقة ثقة.',
      budget: 'مسؤول عن السياسة الدولية (نصف وظيفة بدوام كامل على الأقل)؛ وتوصي VVSG بما لا يقل عن 10,000 يورو سنوياً من الموارد الذاتية، غالباً مع منح اتحادية أو أوروبية (مثل Partnerships for Sustainable Cities) أو إقليمية.',
    },
  },
  twinning: {
    fr: {
      definition: "Un lien officiel d'amitié entre deux collectivités locales ou plus de pays différents, traditionnellement axé sur l'échange culturel entre citoyens, la compréhension mutuelle et la solidarité européenne. Les échanges portent généralement sur la culture, le tourisme, la jeunesse et le sport, mais tout thème peut être abordé.",
      participation: "L'engagement des deux collectivités locales et des citoyens ; en général un comité de jumelage de citoyens et d'agents. Les communes signent une charte, sans obligations.",
      duration: 'Une coopération de long terme.',
      budget: "Activités surtout menées par des bénévoles, financées par des subventions communales et des collectes de fonds ; possibilités de subvention limitées, notamment de la Commission européenne.",
    },
    es: {
      definition: 'Un vínculo oficial de amistad entre dos o más gobiernos locales de distintos países, tradicionalmente centrado en el intercambio cultural entre ciudadanos, la comprensión mutua y la solidaridad europea. Los intercambios suelen tratar de cultura, turismo, juventud y deporte, pero se puede abordar cualquier tema.',
      participation: 'Compromiso de ambos gobiernos locales y de la ciudadanía; normalmente un comité de hermanamiento de ciudadanos y funcionarios. Los municipios firman una carta, sin obligaciones.',
      duration: 'Cooperación a largo plazo.',
      budget: 'Actividades realizadas sobre todo por voluntarios, financiadas con subvenciones municipales y recaudación de fondos; posibilidades de subvención limitadas, entre ellas de la Comisión Europea.',
    },
    pt: {
      definition: 'Um laço oficial de amizade entre duas ou mais autarquias locais de países diferentes, tradicionalmente centrado no intercâmbio cultural entre cidadãos, na compreensão mútua e na solidariedade europeia. Os intercâmbios tratam geralmente de cultura, turismo, juventude e desporto, mas qualquer tema pode ser abordado.',
      participation: 'Compromisso de ambas as autarquias e dos cidadãos; normalmente uma comissão de geminação de cidadãos e funcionários. Os municípios assinam uma carta, sem obrigações.',
      duration: 'Cooperação de longo prazo.',
      budget: 'Atividades realizadas sobretudo por voluntários, financiadas por subsídios municipais e angariação de fundos; oportunidades de subsídio limitadas, incluindo da Comissão Europeia.',
    },
    ar: {
      definition: 'رابطة صداقة رسمية بين جماعتين محليتين أو أكثر من بلدان مختلفة، تركز تقليدياً على التبادل الثقافي بين المواطنين والتفاهم المتبادل والتضامن الأوروبي. تتناول التبادلات عادةً الثقافة والسياحة والشباب والرياضة، لكن يمكن تناول أي موضوع.',
      participation: 'التزام الجماعتين المحليتين والمواطنين؛ وعادةً لجنة توأمة من المواطنين والموظفين. توقع البلديات ميثاقاً لا تترتب عليه التزامات.',
      duration: 'تعاون طويل الأمد.',
      budget: 'أنشطة يديرها في الغالب متطوعون، تمولها منح بلدية وجمع تبرعات؛ فرص منح محدودة، منها من المفوضية الأوروبية.',
    },
  },
  international_youth_work: {
    fr: {
      definition: "Le soutien aux échanges internationaux de jeunes : stages avec des hautes écoles et universités, liens entre écoles, voyages d'immersion, camps ou projets internationaux, volontariat. Le but est en général double : la citoyenneté mondiale et la coopération mondiale.",
      participation: "Implique des jeunes, par les écoles et les mouvements de jeunesse, souvent non atteints par les ONG ; le service de la jeunesse joue souvent un rôle clé.",
      duration: 'Une perspective de long terme.',
      budget: "Des subventions dans les règlements communaux de coopération internationale, souvent sous conditions, comme un accompagnement avant et après le voyage (des études montrent que des voyages sans accompagnement peuvent renforcer les préjugés).",
    },
    es: {
      definition: 'Apoyo a los intercambios juveniles internacionales: prácticas con escuelas superiores y universidades, hermanamientos escolares, viajes de inmersión, campamentos o proyectos internacionales, voluntariado. El objetivo suele ser doble: la ciudadanía global y la cooperación global.',
      participation: 'Implica a jóvenes, a través de escuelas y clubes juveniles, a menudo no alcanzados por las ONG; el departamento de juventud suele desempeñar un papel clave.',
      duration: 'Una perspectiva a largo plazo.',
      budget: 'Subvenciones en los reglamentos municipales de cooperación internacional, a menudo con condiciones como el acompañamiento antes y después del viaje (los estudios muestran que los viajes sin él pueden reforzar prejuicios).',
    },
    pt: {
      definition: 'Apoio a intercâmbios internacionais de jovens: estágios com escolas superiores e universidades, ligações entre escolas, viagens de imersão, campos ou projetos internacionais, voluntariado. O objetivo é geralmente duplo: a cidadania global e a cooperação global.',
      participation: 'Envolve jovens, através das escolas e dos clubes de jovens, muitas vezes não alcançados pelas ONG; o serviço de juventude tem frequentemente um papel central.',
      duration: 'Uma perspetiva de longo prazo.',
      budget: 'Subsídios nos regulamentos municipais de cooperação internacional, muitas vezes com condições como o acompanhamento antes e depois da viagem (estudos mostram que viagens sem ele podem reforçar preconceitos).',
    },
    ar: {
      definition: 'دعم تبادلات الشباب الدولية: تدريب مع المعاهد العليا والجامعات، وروابط بين المدارس، ورحلات انغماس، ومخيمات أو مشاريع دولية، وتطوع. والهدف عادةً مزدوج: المواطنة العالمية والتعاون العالمي.',
      participation: 'يشرك الشباب، عبر المدارس ونوادي الشباب، الذين غالباً لا تصل إليهم المنظمات غير الحكومية؛ وكثيراً ما تؤدي مصلحة الشباب دوراً رئيسياً.',
      duration: 'منظور طويل الأمد.',
      budget: 'منح في الأنظمة البلدية للتعاون الدولي، غالباً بشروط مثل المرافقة قبل الرحلة وبعدها (تبيّن الدراسات أن الرحلات دونها قد تعزز الأحكام المسبقة).',
    },
  },
  indirect_cooperation: {
    fr: {
      definition: "Le soutien aux acteurs locaux engagés dans la coopération mondiale (particuliers, organisations volontaires privées, ONG, hôpitaux, écoles, organisations de la diaspora). La collectivité facilite (une plateforme, le conseil consultatif de coopération internationale, des groupes de travail thématiques) et oriente (conditions des subventions, comme contribuer à un ODD).",
      participation: "Par le conseil consultatif mondial d'organisations et d'habitants ; beaucoup de conseils font face au vieillissement de leurs membres et cherchent à se réformer, par exemple par des groupes thématiques et des engagements de courte durée.",
      duration: "Un engagement de long terme ; les appels à projets sont généralement annuels.",
      budget: "De plusieurs milliers à plusieurs dizaines de milliers d'euros de subventions par an.",
    },
    es: {
      definition: 'Apoyar a los actores locales comprometidos con la cooperación global (particulares, organizaciones voluntarias privadas, ONG, hospitales, escuelas, organizaciones de la diáspora). El gobierno local facilita (una plataforma, el consejo asesor de cooperación internacional, grupos de trabajo temáticos) y orienta (condiciones de las subvenciones, como contribuir a un ODS).',
      participation: 'A través del consejo asesor global de organizaciones y residentes; muchos consejos afrontan el envejecimiento de sus miembros y buscan reformarse, p. ej. con grupos temáticos y compromisos de corta duración.',
      duration: 'Un compromiso a largo plazo; las convocatorias suelen ser anuales.',
      budget: 'De varios miles a varias decenas de miles de euros al año en subvenciones.',
    },
    pt: {
      definition: 'Apoiar os atores locais empenhados na cooperação global (particulares, organizações voluntárias privadas, ONG, hospitais, escolas, organizações da diáspora). A autarquia facilita (uma plataforma, o conselho consultivo de cooperação internacional, grupos de trabalho temáticos) e orienta (condições dos subsídios, como contribuir para um ODS).',
      participation: 'Através do conselho consultivo global de organizações e residentes; muitos conselhos enfrentam o envelhecimento dos membros e procuram reformar-se, por exemplo com grupos temáticos e compromissos de curta duração.',
      duration: 'Um compromisso de longo prazo; os concursos são geralmente anuais.',
      budget: 'De vários milhares a várias dezenas de milhares de euros por ano em subsídios.',
    },
    ar: {
      definition: 'دعم الفاعلين المحليين الملتزمين بالتعاون العالمي (أفراد، منظمات تطوعية خاصة، منظمات غير حكومية، مستشفيات، مدارس، منظمات الشتات). تيسّر الجماعة المحلية (منصة، المجلس الاستشاري للتعاون الدولي، مجموعات عمل موضوعية) وتوجّه (شروط المنح، مثل المساهمة في أحد أهداف التنمية المستدامة).',
      participation: 'من خلال المجلس الاستشاري العالمي للمنظمات والسكان؛ ويواجه كثير من المجالس شيخوخة أعضائها ويسعى إلى الإصلاح، مثل مجموعات العمل الموضوعية والالتزامات قصيرة الأمد.',
      duration: 'التزام طويل الأمد؛ ودعوات تقديم المشاريع سنوية عادةً.',
      budget: 'من عدة آلاف إلى عشرات الآلاف من اليوروهات سنوياً في شكل منح.',
    },
  },
  private_sector_cooperation: {
    fr: {
      definition: "Le secteur privé, avec les pouvoirs publics, les ONG et d'autres, aide à mettre en œuvre et à étendre des solutions durables. La coopération communale peut renforcer la politique de développement économique local (partenariats public–privé, procédures plus simples pour les entreprises, investissement, accès au financement, économie sociale et circulaire, formalisation du secteur informel). Un partenaire au Sud n'est pas toujours nécessaire : la politique d'achats peut réduire les risques pour le travail et les droits humains dans les chaînes d'approvisionnement.",
      participation: "Une approche multi-acteurs avec les entreprises, la société civile, les institutions de connaissance et les syndicats, par exemple des initiatives multipartites pour le commerce équitable.",
      duration: 'Surtout des projets dans une perspective de long terme.',
      budget: "Des programmes internationaux comme IUC, G-STIC et « Entreprises pour les ODD » de la Fondation Roi Baudouin.",
    },
    es: {
      definition: 'El sector privado, con los gobiernos, las ONG y otros, ayuda a aplicar y ampliar soluciones sostenibles. La cooperación municipal puede reforzar la política de desarrollo económico local (alianzas público-privadas, trámites más sencillos para las empresas, inversión, acceso a financiación, economía social y circular, formalización del sector informal). No siempre hace falta un socio en el Sur: la política de compras puede reducir los riesgos laborales y de derechos humanos en las cadenas de suministro.',
      participation: 'Un enfoque de múltiples actores con empresas, sociedad civil, instituciones de conocimiento y sindicatos, p. ej. iniciativas multiactor por el comercio justo.',
      duration: 'Sobre todo proyectos con una perspectiva a largo plazo.',
      budget: 'Programas internacionales como IUC, G-STIC y «Empresas por los ODS» de la Fundación Rey Balduino.',
    },
    pt: {
      definition: 'O setor privado, com os governos, as ONG e outros, ajuda a aplicar e a ampliar soluções sustentáveis. A cooperação municipal pode reforçar a política de desenvolvimento económico local (parcerias público-privadas, procedimentos mais simples para as empresas, investimento, acesso a financiamento, economia social e circular, formalização do setor informal). Nem sempre é preciso um parceiro no Sul: a política de compras pode reduzir riscos laborais e de direitos humanos nas cadeias de abastecimento.',
      participation: 'Uma abordagem multiatores com empresas, sociedade civil, instituições de conhecimento e sindicatos, por exemplo iniciativas multipartes pelo comércio justo.',
      duration: 'Sobretudo projetos numa perspetiva de longo prazo.',
      budget: 'Programas internacionais como IUC, G-STIC e «Empresas pelos ODS» da Fundação Rei Balduíno.',
    },
    ar: {
      definition: 'يساعد القطاع الخاص، مع الحكومات والمنظمات غير الحكومية وغيرها، على تنفيذ الحلول المستدامة وتوسيع نطاقها. ويمكن للتعاون البلدي أن يعزز سياسة التنمية الاقتصادية المحلية (شراكات بين القطاعين العام والخاص، إجراءات أبسط للشركات، استثمار، وصول إلى التمويل، الاقتصاد الاجتماعي والدائري، إدماج القطاع غير المنظم). ولا يلزم دائماً شريك في الجنوب: يمكن لسياسة المشتريات أن تقلل مخاطر العمل وحقوق الإنسان في سلاسل التوريد.',
      participation: 'نهج متعدد الأطراف مع الشركات والمجتمع المدني والمؤسسات المعرفية والنقابات، مثل المبادرات متعددة الأطراف للتجارة العادلة.',
      duration: 'مشاريع في الغالب بمنظور طويل الأمد.',
      budget: 'برامج دولية مثل IUC وG-STIC و«مؤسسات من أجل أهداف التنمية المستدامة» لمؤسسة الملك بودوان.',
    },
  },
  international_networks: {
    fr: {
      definition: "Les collectivités locales se relient par des réseaux ou consortiums internationaux (avec des universitaires, la société civile et des entreprises) pour échanger connaissances et bonnes pratiques, monter des projets communs, obtenir des subventions et plaider.",
      participation: 'Surtout du personnel qui participe aux réunions des réseaux.',
      duration: "Un engagement de long terme est courant, mais pas nécessaire.",
      budget: "Surtout du temps de personnel et des voyages ; des programmes de l'UE financent des consortiums (AfriFOODlinks, DEAR, Inclucities).",
    },
    es: {
      definition: 'Los gobiernos locales se conectan mediante redes o consorcios internacionales (con académicos, sociedad civil y empresas) para intercambiar conocimientos y buenas prácticas, poner en marcha proyectos conjuntos, atraer subvenciones e incidir.',
      participation: 'Sobre todo personal que participa en las reuniones de las redes.',
      duration: 'Un compromiso a largo plazo es habitual, pero no necesario.',
      budget: 'Sobre todo tiempo del personal y viajes; programas de la UE financian consorcios (AfriFOODlinks, DEAR, Inclucities).',
    },
    pt: {
      definition: 'As autarquias ligam-se através de redes ou consórcios internacionais (com académicos, sociedade civil e empresas) para trocar conhecimentos e boas práticas, criar projetos conjuntos, atrair subsídios e fazer advocacia.',
      participation: 'Sobretudo pessoal que participa nas reuniões das redes.',
      duration: 'Um compromisso de longo prazo é habitual, mas não necessário.',
      budget: 'Sobretudo tempo de pessoal e viagens; programas da UE financiam consórcios (AfriFOODlinks, DEAR, Inclucities).',
    },
    ar: {
      definition: 'تتواصل الجماعات المحلية عبر شبكات أو اتحادات دولية (مع الأكاديميين والمجتمع المدني والشركات) لتبادل المعارف والممارسات الجيدة، وإطلاق مشاريع مشتركة، واستقطاب المنح، والمناصرة.',
      participation: 'في الغالب موظفون يشاركون في اجتماعات الشبكات.',
      duration: 'الالتزام طويل الأمد معتاد لكنه ليس ضرورياً.',
      budget: 'في الغالب وقت الموظفين والسفر؛ وتموّل برامج الاتحاد الأوروبي اتحادات (AfriFOODlinks وDEAR وInclucities).',
    },
  },
  humanitarian_emergency_aid: {
    fr: {
      definition: "L'aide aux collectivités locales confrontées à des urgences ou catastrophes aiguës. L'aide humanitaire est plus longue, après des catastrophes (souvent d'origine humaine), pour la réhabilitation, la reconstruction et la résilience ; l'aide d'urgence est courte, pendant la phase aiguë, surtout un soutien financier par des ONG spécialisées.",
      participation: "Plutôt limitée, car les fonds passent généralement par une organisation humanitaire ; la commune peut mener des campagnes de sensibilisation et de collecte.",
      duration: "L'aide d'urgence est de courte durée ; l'aide humanitaire en général plus longue.",
      budget: "Plutôt limité : en moyenne quelques milliers d'euros par subvention.",
    },
    es: {
      definition: 'Asistencia a gobiernos locales que afrontan emergencias o catástrofes agudas. La ayuda humanitaria es más larga, tras catástrofes (a menudo de origen humano), para la rehabilitación, la reconstrucción y la resiliencia; la ayuda de emergencia es corta, durante la fase aguda, sobre todo apoyo financiero a través de ONG especializadas.',
      participation: 'Más bien limitada, pues los fondos suelen pasar por una organización humanitaria; el municipio puede hacer campañas de sensibilización y recaudación.',
      duration: 'La ayuda de emergencia es a corto plazo; la asistencia humanitaria suele ser más larga.',
      budget: 'Más bien limitado: de media unos pocos miles de euros por subvención.',
    },
    pt: {
      definition: 'Assistência a autarquias que enfrentam emergências ou catástrofes agudas. A ajuda humanitária é mais longa, após catástrofes (muitas vezes de origem humana), para reabilitação, reconstrução e resiliência; a ajuda de emergência é curta, durante a fase aguda, sobretudo apoio financeiro através de ONG especializadas.',
      participation: 'Bastante limitada, pois os fundos passam geralmente por uma organização humanitária; o município pode fazer campanhas de sensibilização e angariação.',
      duration: 'A ajuda de emergência é de curto prazo; a assistência humanitária geralmente mais longa.',
      budget: 'Bastante limitado: em média alguns milhares de euros por subsídio.',
    },
    ar: {
      definition: 'مساعدة الجماعات المحلية التي تواجه حالات طوارئ أو كوارث حادة. المساعدة الإنسانية أطول، بعد الكوارث (التي غالباً ما تكون من صنع الإنسان)، لإعادة التأهيل والإعمار والصمود؛ والمساعدة الطارئة قصيرة، خلال المرحلة الحادة، وهي في الغالب دعم مالي عبر منظمات غير حكومية متخصصة.',
      participation: 'محدودة نسبياً، إذ تمر الأموال عادةً عبر منظمة إنسانية؛ ويمكن للبلدية تنظيم حملات توعية وجمع تبرعات.',
      duration: 'الإغاثة الطارئة قصيرة الأمد؛ والمساعدة الإنسانية أطول عادةً.',
      budget: 'محدودة نسبياً: بضعة آلاف من اليوروهات في المتوسط لكل منحة.',
    },
  },
  short_term_expertise_exchange: {
    fr: {
      definition: "Des projets d'une durée déterminée dans lesquels des communes échangent avec des communes partenaires sur des thèmes et défis précis, sur un pied d'égalité, à propos des forces et des défis de chacune. Cela peut être un tremplin vers une coopération de long terme.",
      participation: "Les niveaux administratif et politique et d'autres acteurs (société civile, écoles, entreprises) des deux communes.",
      duration: "Des trajectoires courtes, d'une durée déterminée.",
      budget: "Partenariats ODD de la VVSG, AMIF et TAIEX ; voir aussi l'EU Funds Guide pour les collectivités locales et régionales (VNG).",
    },
    es: {
      definition: 'Proyectos de duración determinada en los que municipios intercambian con municipios socios sobre temas y retos concretos, en pie de igualdad, sobre las fortalezas y los retos de cada uno. Puede ser un trampolín hacia la cooperación a largo plazo.',
      participation: 'Los niveles administrativo y político y otros actores (sociedad civil, escuelas, empresas) de ambos municipios.',
      duration: 'Trayectorias cortas de duración determinada.',
      budget: 'Asociaciones ODS de la VVSG, AMIF y TAIEX; véase también la EU Funds Guide para gobiernos locales y regionales (VNG).',
    },
    pt: {
      definition: 'Projetos de duração definida em que municípios trocam com municípios parceiros sobre temas e desafios concretos, em pé de igualdade, sobre as forças e os desafios de cada um. Pode ser um trampolim para uma cooperação de longo prazo.',
      participation: 'Os níveis administrativo e político e outros atores (sociedade civil, escolas, empresas) de ambos os municípios.',
      duration: 'Percursos curtos de duração definida.',
      budget: 'Parcerias ODS da VVSG, AMIF e TAIEX; ver também o EU Funds Guide para autarquias locais e regionais (VNG).',
    },
    ar: {
      definition: 'مشاريع محددة المدة تتبادل فيها البلديات مع بلديات شريكة حول مواضيع وتحديات محددة، على قدم المساواة، بشأن نقاط قوة كل منها وتحدياتها. ويمكن أن تكون خطوة نحو تعاون طويل الأمد.',
      participation: 'المستويان الإداري والسياسي وفاعلون آخرون (المجتمع المدني، المدارس، الشركات) في البلديتين.',
      duration: 'مسارات قصيرة محددة المدة.',
      budget: 'شراكات أهداف التنمية المستدامة لدى VVSG، وAMIF، وTAIEX؛ انظر أيضاً دليل الأموال الأوروبية للجماعات المحلية والإقليمية (VNG).',
    },
  },
};
