// The built-in indicator library as raw data (validated by LibrarySchema where it is loaded).
// Layout: types.json lists the project types; indicators/<type>.json holds each type's indicators and
// indicators/common.json those any project can use. To add a type, add its file and one import below.
// Static JSON imports only, so this bundles for the task pane as well as for Node.
import types from './types.json';
import publicHousing from './indicators/public-housing.json';
import oldCommunity from './indicators/old-community.json';
import shantytown from './indicators/shantytown.json';
import ruralHousing from './indicators/rural-housing.json';
import grainReserve from './indicators/grain-reserve.json';
import grainCirculation from './indicators/grain-circulation.json';
import materialReserve from './indicators/material-reserve.json';
import geoHazard from './indicators/geo-hazard.json';
import earthquake from './indicators/earthquake.json';
import mineSafety from './indicators/mine-safety.json';
import disasterRelief from './indicators/disaster-relief.json';
import counterpartAid from './indicators/counterpart-aid.json';
import realEstateRegistration from './indicators/real-estate-registration.json';
import spatialPlanning from './indicators/spatial-planning.json';
import landSurvey from './indicators/land-survey.json';
import landConsolidation from './indicators/land-consolidation.json';
import mineRestoration from './indicators/mine-restoration.json';
import landEnforcement from './indicators/land-enforcement.json';
import meteorology from './indicators/meteorology.json';
import marine from './indicators/marine.json';
import publicTransit from './indicators/public-transit.json';
import roadBuild from './indicators/road-build.json';
import transportEnforcement from './indicators/transport-enforcement.json';
import waterway from './indicators/waterway.json';
import industrySupport from './indicators/industry-support.json';
import industrialPark from './indicators/industrial-park.json';
import digitalEconomy from './indicators/digital-economy.json';
import animalEpidemic from './indicators/animal-epidemic.json';
import agMachinery from './indicators/ag-machinery.json';
import farmland from './indicators/farmland.json';
import cropProduction from './indicators/crop-production.json';
import livestock from './indicators/livestock.json';
import fishery from './indicators/fishery.json';
import agQuality from './indicators/ag-quality.json';
import soilConservation from './indicators/soil-conservation.json';
import riverWorks from './indicators/river-works.json';
import irrigation from './indicators/irrigation.json';
import grassland from './indicators/grassland.json';
import ruralCollective from './indicators/rural-collective.json';
import streetLighting from './indicators/street-lighting.json';
import municipalFacilities from './indicators/municipal-facilities.json';
import drainage from './indicators/drainage.json';
import cityManagement from './indicators/city-management.json';
import streetCleaning from './indicators/street-cleaning.json';
import wasteFacility from './indicators/waste-facility.json';
import park from './indicators/park.json';
import heatGasSupply from './indicators/heat-gas-supply.json';
import constructionSupervision from './indicators/construction-supervision.json';
import sewagePlant from './indicators/sewage-plant.json';
import solidWaste from './indicators/solid-waste.json';
import soilPollution from './indicators/soil-pollution.json';
import energySaving from './indicators/energy-saving.json';
import natureReserve from './indicators/nature-reserve.json';
import forestProtection from './indicators/forest-protection.json';
import meeting from './indicators/meeting.json';
import training from './indicators/training.json';
import itBuild from './indicators/it-build.json';
import itOps from './indicators/it-ops.json';
import govPlatform from './indicators/gov-platform.json';
import equipment from './indicators/equipment.json';
import construction from './indicators/construction.json';
import repair from './indicators/repair.json';
import subsidy from './indicators/subsidy.json';
import staffing from './indicators/staffing.json';
import purchasedService from './indicators/purchased-service.json';
import legal from './indicators/legal.json';
import publicity from './indicators/publicity.json';
import envMonitoring from './indicators/env-monitoring.json';
import pollution from './indicators/pollution.json';
import envInspection from './indicators/env-inspection.json';
import emergency from './indicators/emergency.json';
import defense from './indicators/defense.json';
import agriculture from './indicators/agriculture.json';
import civilAffairs from './indicators/civil-affairs.json';
import village from './indicators/village.json';
import road from './indicators/road.json';
import riverForest from './indicators/river-forest.json';
import petition from './indicators/petition.json';
import investment from './indicators/investment.json';
import workSafety from './indicators/work-safety.json';
import health from './indicators/health.json';
import operations from './indicators/operations.json';
import party from './indicators/party.json';
import fire from './indicators/fire.json';
import civilization from './indicators/civilization.json';
import familyPlanning from './indicators/family-planning.json';
import veterans from './indicators/veterans.json';
import sanitation from './indicators/sanitation.json';
import governance from './indicators/governance.json';
import water from './indicators/water.json';
import chronicles from './indicators/chronicles.json';
import finance from './indicators/finance.json';
import land from './indicators/land.json';
import discipline from './indicators/discipline.json';
import greening from './indicators/greening.json';
import cleanHeating from './indicators/clean-heating.json';
import archives from './indicators/archives.json';
import audit from './indicators/audit.json';
import cppcc from './indicators/cppcc.json';
import cyberspace from './indicators/cyberspace.json';
import devPlanning from './indicators/dev-planning.json';
import ethnicReligion from './indicators/ethnic-religion.json';
import fiscalMgmt from './indicators/fiscal-mgmt.json';
import foodDrugSafety from './indicators/food-drug-safety.json';
import marketRegulation from './indicators/market-regulation.json';
import massOrg from './indicators/mass-org.json';
import npc from './indicators/npc.json';
import statistics from './indicators/statistics.json';
import talent from './indicators/talent.json';
import tax from './indicators/tax.json';
import civilAirDefense from './indicators/civil-air-defense.json';
import compulsoryEdu from './indicators/compulsory-edu.json';
import drugControl from './indicators/drug-control.json';
import highSchool from './indicators/high-school.json';
import higherEdu from './indicators/higher-edu.json';
import judicialCase from './indicators/judicial-case.json';
import police from './indicators/police.json';
import preschool from './indicators/preschool.json';
import publicLegalService from './indicators/public-legal-service.json';
import specialEdu from './indicators/special-edu.json';
import studentAid from './indicators/student-aid.json';
import teacher from './indicators/teacher.json';
import trafficSafety from './indicators/traffic-safety.json';
import vocationalEdu from './indicators/vocational-edu.json';
import arts from './indicators/arts.json';
import broadcasting from './indicators/broadcasting.json';
import childWelfare from './indicators/child-welfare.json';
import commerce from './indicators/commerce.json';
import disability from './indicators/disability.json';
import ecommerce from './indicators/ecommerce.json';
import employment from './indicators/employment.json';
import foreignTrade from './indicators/foreign-trade.json';
import funeral from './indicators/funeral.json';
import healthSupervision from './indicators/health-supervision.json';
import heritage from './indicators/heritage.json';
import hospital from './indicators/hospital.json';
import laborInspection from './indicators/labor-inspection.json';
import maternalChild from './indicators/maternal-child.json';
import media from './indicators/media.json';
import medicalInsurance from './indicators/medical-insurance.json';
import primaryCare from './indicators/primary-care.json';
import publicCulture from './indicators/public-culture.json';
import research from './indicators/research.json';
import sciPlatform from './indicators/sci-platform.json';
import sciPopularization from './indicators/sci-popularization.json';
import socialInsurance from './indicators/social-insurance.json';
import socialScience from './indicators/social-science.json';
import sports from './indicators/sports.json';
import tcm from './indicators/tcm.json';
import techEnterprise from './indicators/tech-enterprise.json';
import tourism from './indicators/tourism.json';
import common from './indicators/common.json';

export const LIBRARY_VERSION = '2023.1';

export const libraryData = {
  version: LIBRARY_VERSION,
  types,
  indicators: [
    ...publicHousing, ...oldCommunity, ...shantytown, ...ruralHousing, ...grainReserve, ...grainCirculation,
    ...materialReserve, ...geoHazard, ...earthquake, ...mineSafety, ...disasterRelief, ...counterpartAid,
    ...realEstateRegistration, ...spatialPlanning, ...landSurvey, ...landConsolidation, ...mineRestoration,
    ...landEnforcement, ...meteorology, ...marine,
    ...publicTransit, ...roadBuild, ...transportEnforcement, ...waterway, ...industrySupport,
    ...industrialPark, ...digitalEconomy,
    ...animalEpidemic, ...agMachinery, ...farmland, ...cropProduction, ...livestock, ...fishery, ...agQuality,
    ...soilConservation, ...riverWorks, ...irrigation, ...grassland, ...ruralCollective,
    ...streetLighting, ...municipalFacilities, ...drainage, ...cityManagement, ...streetCleaning,
    ...wasteFacility, ...park, ...heatGasSupply, ...constructionSupervision,
    ...sewagePlant, ...solidWaste, ...soilPollution, ...energySaving, ...natureReserve, ...forestProtection,
    ...meeting, ...training, ...itBuild, ...itOps, ...govPlatform, ...equipment, ...construction, ...repair,
    ...subsidy, ...staffing, ...purchasedService, ...legal, ...publicity, ...envMonitoring, ...pollution,
    ...envInspection, ...emergency, ...defense, ...agriculture, ...civilAffairs, ...village, ...road,
    ...riverForest, ...petition, ...investment, ...workSafety, ...health, ...operations, ...party, ...fire,
    ...civilization, ...familyPlanning, ...veterans, ...sanitation, ...governance, ...water, ...chronicles,
    ...finance, ...land, ...discipline, ...greening, ...cleanHeating, ...archives, ...audit, ...cppcc,
    ...cyberspace, ...devPlanning, ...ethnicReligion, ...fiscalMgmt, ...foodDrugSafety, ...marketRegulation,
    ...massOrg, ...npc, ...statistics, ...talent, ...tax, ...civilAirDefense, ...compulsoryEdu, ...drugControl,
    ...highSchool, ...higherEdu, ...judicialCase, ...police, ...preschool, ...publicLegalService, ...specialEdu,
    ...studentAid, ...teacher, ...trafficSafety, ...vocationalEdu, ...arts, ...broadcasting, ...childWelfare,
    ...commerce, ...disability, ...ecommerce, ...employment, ...foreignTrade, ...funeral, ...healthSupervision,
    ...heritage, ...hospital, ...laborInspection, ...maternalChild, ...media, ...medicalInsurance, ...primaryCare,
    ...publicCulture, ...research, ...sciPlatform, ...sciPopularization, ...socialInsurance, ...socialScience,
    ...sports, ...tcm, ...techEnterprise, ...tourism, ...common,
  ],
};
