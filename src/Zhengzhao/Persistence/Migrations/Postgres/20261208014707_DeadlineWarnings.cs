using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Zhengzhao.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class DeadlineWarnings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DeadlineWarnings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    SubjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Lead = table.Column<int>(type: "integer", nullable: false),
                    SentAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DeadlineWarnings", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DeadlineWarnings_SubjectId_Kind_DueOn_Lead",
                table: "DeadlineWarnings",
                columns: new[] { "SubjectId", "Kind", "DueOn", "Lead" },
                unique: true);

            // The warnings already sent stay sent: each application deadline keeps its key under its new kind.
            migrationBuilder.Sql("""
                INSERT INTO "DeadlineWarnings" ("Id", "Kind", "SubjectId", "DueOn", "Lead", "SentAt")
                SELECT "Id", CASE "Deadline" WHEN 'Statutory' THEN 'licensing.statutory' ELSE 'licensing.committed' END, "ApplicationId", "DueOn", "Lead", "SentAt"
                FROM "ClockWarnings";
                """);

            migrationBuilder.DropTable(
                name: "ClockWarnings");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ClockWarnings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ApplicationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Deadline = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Lead = table.Column<int>(type: "integer", nullable: false),
                    SentAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClockWarnings", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ClockWarnings_ApplicationId_Deadline_DueOn_Lead",
                table: "ClockWarnings",
                columns: new[] { "ApplicationId", "Deadline", "DueOn", "Lead" },
                unique: true);

            migrationBuilder.Sql("""
                INSERT INTO "ClockWarnings" ("Id", "ApplicationId", "Deadline", "DueOn", "Lead", "SentAt")
                SELECT "Id", "SubjectId", CASE "Kind" WHEN 'licensing.statutory' THEN 'Statutory' ELSE 'Committed' END, "DueOn", "Lead", "SentAt"
                FROM "DeadlineWarnings" WHERE "Kind" IN ('licensing.committed', 'licensing.statutory');
                """);

            migrationBuilder.DropTable(
                name: "DeadlineWarnings");
        }
    }
}
