using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Zhengzhao.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ClosedLoop : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "IndustryAuthorityCode",
                table: "Pushes",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "LoopClosedOn",
                table: "Pushes",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Outcome",
                table: "Pushes",
                type: "TEXT",
                maxLength: 12,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OutcomeBy",
                table: "Pushes",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OutcomeNote",
                table: "Pushes",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "OutcomeOn",
                table: "Pushes",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PermitNumber",
                table: "Pushes",
                type: "TEXT",
                maxLength: 50,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "RedispatchedFrom",
                table: "Pushes",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RedispatchedTo",
                table: "Pushes",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "NotificationLetters",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Uscc = table.Column<string>(type: "TEXT", maxLength: 18, nullable: false),
                    CompanyName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    EventId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    IssuedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Items = table.Column<string>(type: "TEXT", nullable: false),
                    SignedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    SignedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    SignatoryName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    SignedFrom = table.Column<string>(type: "TEXT", maxLength: 45, nullable: true),
                    SignedUndertakingVersion = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    SignedDigest = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NotificationLetters", x => x.Id);
                    table.ForeignKey(
                        name: "FK_NotificationLetters_Enterprises_Uscc",
                        column: x => x.Uscc,
                        principalTable: "Enterprises",
                        principalColumn: "Uscc",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PushCopies",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PushId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Uscc = table.Column<string>(type: "TEXT", maxLength: 18, nullable: false),
                    ItemCode = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    DepartmentCode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    EventId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    SentOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    AcknowledgedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    AcknowledgedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PushCopies", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PushCopies_Departments_DepartmentCode",
                        column: x => x.DepartmentCode,
                        principalTable: "Departments",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PushCopies_Pushes_PushId",
                        column: x => x.PushId,
                        principalTable: "Pushes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Pushes_IndustryAuthorityCode_LoopClosedOn",
                table: "Pushes",
                columns: new[] { "IndustryAuthorityCode", "LoopClosedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Pushes_PushedOn",
                table: "Pushes",
                column: "PushedOn");

            migrationBuilder.CreateIndex(
                name: "IX_NotificationLetters_Uscc_EventId",
                table: "NotificationLetters",
                columns: new[] { "Uscc", "EventId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PushCopies_DepartmentCode_AcknowledgedOn",
                table: "PushCopies",
                columns: new[] { "DepartmentCode", "AcknowledgedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_PushCopies_PushId_DepartmentCode",
                table: "PushCopies",
                columns: new[] { "PushId", "DepartmentCode" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "NotificationLetters");

            migrationBuilder.DropTable(
                name: "PushCopies");

            migrationBuilder.DropIndex(
                name: "IX_Pushes_IndustryAuthorityCode_LoopClosedOn",
                table: "Pushes");

            migrationBuilder.DropIndex(
                name: "IX_Pushes_PushedOn",
                table: "Pushes");

            migrationBuilder.DropColumn(
                name: "IndustryAuthorityCode",
                table: "Pushes");

            migrationBuilder.DropColumn(
                name: "LoopClosedOn",
                table: "Pushes");

            migrationBuilder.DropColumn(
                name: "Outcome",
                table: "Pushes");

            migrationBuilder.DropColumn(
                name: "OutcomeBy",
                table: "Pushes");

            migrationBuilder.DropColumn(
                name: "OutcomeNote",
                table: "Pushes");

            migrationBuilder.DropColumn(
                name: "OutcomeOn",
                table: "Pushes");

            migrationBuilder.DropColumn(
                name: "PermitNumber",
                table: "Pushes");

            migrationBuilder.DropColumn(
                name: "RedispatchedFrom",
                table: "Pushes");

            migrationBuilder.DropColumn(
                name: "RedispatchedTo",
                table: "Pushes");
        }
    }
}
