/** Kinds of organisation (the codes of the interchange format and of the database column). */
import { ORGANISATION_KINDS as KIND_CODES, type OrganisationKind } from '../db/schema/organisations.ts';
import { item, type Item } from './labels.ts';

export { KIND_CODES, type OrganisationKind };

export const ORGANISATION_KINDS: readonly Item<OrganisationKind>[] = Object.freeze([
  item('municipality', 'Municipality', 'Commune', 'Municipio', 'Município', 'بلدية'),
  item('region', 'Region or province', 'Région ou province', 'Región o provincia', 'Região ou província', 'جهة أو إقليم'),
  item('association', 'Association of local governments', 'Association de collectivités locales', 'Asociación de gobiernos locales', 'Associação de autarquias locais', 'جمعية الجماعات المحلية'),
  item('ngo', 'Non-governmental organisation', 'Organisation non gouvernementale', 'Organización no gubernamental', 'Organização não governamental', 'منظمة غير حكومية'),
  item('knowledge_institution', 'Knowledge institution', "Établissement d'enseignement ou de recherche", 'Institución de conocimiento', 'Instituição de conhecimento', 'مؤسسة معرفية'),
  item('company', 'Company', 'Entreprise', 'Empresa', 'Empresa', 'شركة'),
  item('national_government', 'National government', 'Gouvernement national', 'Gobierno nacional', 'Governo nacional', 'حكومة وطنية'),
  item('international_organisation', 'International organisation', 'Organisation internationale', 'Organización internacional', 'Organização internacional', 'منظمة دولية'),
  item('other', 'Other', 'Autre', 'Otro', 'Outro', 'أخرى'),
]);

export const isOrganisationKind = (v: unknown): v is OrganisationKind => typeof v === 'string' && (KIND_CODES as readonly string[]).includes(v);
